package dev.hearken.push.domain;

import java.util.Objects;

/**
 * The visible text of a notification.
 *
 * <p>{@link #fit} applies display limits: FCM and APNs only limit the whole payload (4096 bytes),
 * but Android shows about 65 characters of a title and 240 of an expanded body, and iOS about 178
 * characters of title and body together on the lock screen. Copy is cut at those lengths on a code
 * point boundary (an emoji is never split) and ends with an ellipsis, so the payload always stays well
 * under the provider's byte limit.
 *
 * @param title the title (may be empty)
 * @param body  the body
 */
public record Copy(String title, String body) {

    /** Longest title sent, in code points. */
    public static final int MAX_TITLE = 65;
    /** Longest body sent, in code points. */
    public static final int MAX_BODY = 240;

    public Copy {
        title = title == null ? "" : title;
        Objects.requireNonNull(body, "body");
    }

    /** This copy within {@link #MAX_TITLE} and {@link #MAX_BODY}. */
    public Copy fit() {
        return new Copy(truncate(title, MAX_TITLE), truncate(body, MAX_BODY));
    }

    /** {@code text} cut to at most {@code max} code points, ending with "…" when cut. */
    public static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }
}
