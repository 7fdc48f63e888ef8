package dev.hearken.review.poll;

import java.util.List;

/**
 * One listing page, newest first.
 *
 * @param items the reviews of the page
 * @param next  where the next (older) page is — App Store {@code links.next}, Play {@code nextPageToken} — or
 *              {@code null} on the last page
 */
public record Page(List<PageItem> items, String next) {
}
