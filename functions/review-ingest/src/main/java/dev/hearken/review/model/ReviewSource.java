package dev.hearken.review.model;

import java.util.Locale;

/** How a review reached us: pulled from a store API or pushed by AppFollow. */
public enum ReviewSource {
    APPSTORE,
    GOOGLEPLAY,
    APPFOLLOW;

    /** The lower-case code used in queue messages ({@code "source":"appstore"}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source for a code, or {@code null} when unknown. */
    public static ReviewSource fromCode(String code) {
        for (ReviewSource s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
