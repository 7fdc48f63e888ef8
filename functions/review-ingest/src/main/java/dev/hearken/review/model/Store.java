package dev.hearken.review.model;

import java.util.Locale;

/** The app store a review was written in. */
public enum Store {
    APP_STORE("appstore"),
    GOOGLE_PLAY("googleplay");

    private final String code;

    Store(String code) {
        this.code = code;
    }

    /** The stable lower-case code used in keys and messages ({@code appstore}, {@code googleplay}). */
    public String code() {
        return code;
    }

    /** The store for a code written by {@link #code()}. */
    public static Store fromCode(String code) {
        for (Store s : values()) {
            if (s.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown store '" + code + "'");
    }
}
