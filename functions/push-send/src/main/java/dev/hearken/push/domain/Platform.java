package dev.hearken.push.domain;

import java.util.Locale;

/** Where a device token is valid: Android tokens go to FCM, iOS tokens to APNs. */
public enum Platform {
    ANDROID,
    IOS;

    /** The stored name: {@code android} or {@code ios}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
