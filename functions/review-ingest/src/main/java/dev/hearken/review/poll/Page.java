package dev.hearken.review.poll;

import java.time.Duration;
import java.util.List;

/**
 * One listing page, newest first.
 *
 * @param items      the reviews of the page
 * @param next       where the next (older) page is — App Store {@code links.next}, Play {@code nextPageToken} — or
 *                   {@code null} on the last page
 * @param pauseAfter when the store says its quota is nearly spent (App Store {@code X-Rate-Limit}
 *                   {@code user-hour-rem}), how long to wait before the next page; else {@code null}
 */
public record Page(List<PageItem> items, String next, Duration pauseAfter) {

    /** A page with no quota warning. */
    public Page(List<PageItem> items, String next) {
        this(items, next, null);
    }
}
