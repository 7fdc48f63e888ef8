package dev.hearken.push.message;

import java.util.Locale;

/**
 * How much a message matters, which decides whether frequency caps and quiet hours apply and who
 * wins when a user's budget runs low.
 *
 * <ul>
 *   <li>{@link #TRANSACTIONAL}: something the user asked for or must know now (a reply to their ticket,
 *       a security notice). Always sent: no cap, no quiet hours; it still counts towards the caps.</li>
 *   <li>{@link #LIFECYCLE}: program messages about the user's own activity (onboarding, new follower).
 *       Capped, and beats promotional: promotional messages stop earlier, leaving room for lifecycle.</li>
 *   <li>{@link #PROMOTIONAL}: campaigns (seasonal sale, feature launch). Capped first.</li>
 * </ul>
 */
public enum Priority {
    TRANSACTIONAL,
    LIFECYCLE,
    PROMOTIONAL;

    /** The wire name, lower-case ({@code transactional}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name, case-insensitively. */
    public static Priority parse(String value) {
        if (value == null) {
            throw new InvalidPushMessageException("priority", "is required");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPushMessageException("priority", "must be transactional, lifecycle or promotional");
        }
    }
}
