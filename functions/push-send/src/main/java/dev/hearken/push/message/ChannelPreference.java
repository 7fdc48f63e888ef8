package dev.hearken.push.message;

import java.util.Locale;

/**
 * Which channel the sender wants.
 *
 * <ul>
 *   <li>{@link #PUSH}: every registered device (FCM for Android, APNs for iOS); nothing else.</li>
 *   <li>{@link #EMAIL}: e-mail only (SES).</li>
 *   <li>{@link #PUSH_THEN_EMAIL}: push when the user has a device, e-mail otherwise.</li>
 * </ul>
 */
public enum ChannelPreference {
    PUSH,
    EMAIL,
    PUSH_THEN_EMAIL;

    /** The wire name: {@code push}, {@code email}, {@code push-then-email}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the wire name; {@code null} means {@link #PUSH}. */
    public static ChannelPreference parse(String value) {
        if (value == null || value.isBlank()) {
            return PUSH;
        }
        for (ChannelPreference c : values()) {
            if (c.wireName().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        throw new InvalidPushMessageException("channel", "must be push, email or push-then-email");
    }
}
