package dev.hearken.push.domain;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What push-send needs to know about a user.
 *
 * @param userId     the user
 * @param locale     BCP 47 language tag from the app ({@code pt-BR}); drives the copy's language
 * @param timeZone   IANA zone from the device ({@code America/Sao_Paulo}); drives quiet hours and cap days
 * @param optOuts    programs the user opted out of ({@code promotions}, {@code onboarding}, ...); {@code *} = all
 *                   channels of all programs; {@code email:<program>} and {@code email:*} = e-mail only
 *                   (what the e-mail's one-click unsubscribe is to add); {@code push:<program>} and {@code push:*} =
 *                   push only (the app-backend API's channel opt-in writes {@code push:*} and {@code email:*})
 * @param quietHours the user's quiet hours (the default when they never chose)
 * @param email      address for the e-mail channel, or {@code null}
 * @param emailStatus whether mail to {@link #email} may be sent: SES feedback marks it bounced or complained
 * @param attributes targeting attributes for experiments ({@code country}, ...), strings only
 */
public record UserProfile(
        String userId,
        String locale,
        ZoneId timeZone,
        Set<String> optOuts,
        QuietHours quietHours,
        String email,
        EmailStatus emailStatus,
        Map<String, String> attributes) {

    /** Opted out of every channel of every program. */
    public static final String NOTHING = "*";
    /** Opted out of push from every program. */
    public static final String NO_PUSH = "push:*";
    /** Opted out of e-mail from every program. */
    public static final String NO_EMAIL = "email:*";
    /** The channel-wide entries of {@code optOuts}, which the app-backend API owns. */
    public static final Set<String> CHANNEL_ENTRIES = Set.of(NOTHING, NO_PUSH, NO_EMAIL);

    /** What SES feedback said about the user's address. */
    public enum EmailStatus {
        /** Deliverable as far as we know. */
        OK,
        /** Hard-bounced: never send again until the user changes the address. */
        BOUNCED,
        /** The user marked our mail as spam: never send again. */
        COMPLAINED;

        /** Parses {@code ok|bounced|complained} (case-insensitive); {@code null} or blank is {@link #OK}. */
        public static EmailStatus parse(String value) {
            if (value == null || value.isBlank()) {
                return OK;
            }
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        /** {@code ok}, {@code bounced}, {@code complained}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        locale = locale == null || locale.isBlank() ? "en" : locale;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        optOuts = optOuts == null ? Set.of() : Set.copyOf(optOuts);
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        email = email == null || email.isBlank() ? null : email.trim();
        emailStatus = emailStatus == null ? EmailStatus.OK : emailStatus;
    }

    /** A profile without e-mail status (an address, if any, counts as deliverable). */
    public UserProfile(String userId, String locale, ZoneId timeZone, Set<String> optOuts, QuietHours quietHours,
            String email, Map<String, String> attributes) {
        this(userId, locale, timeZone, optOuts, quietHours, email, EmailStatus.OK, attributes);
    }

    /** Whether the user opted out of {@code program} (or of everything). */
    public boolean optedOutOf(String program) {
        return optOuts.contains(program) || optOuts.contains(NOTHING);
    }

    /** Whether the user opted out of push from {@code program}: of the program, of its push, or of all push. */
    public boolean optedOutOfPushFrom(String program) {
        return optedOutOf(program) || optOuts.contains("push:" + program) || optOuts.contains(NO_PUSH);
    }

    /** Whether the user opted out of e-mail from {@code program}: of the program, of its e-mail, or of all e-mail. */
    public boolean optedOutOfEmailFrom(String program) {
        return optedOutOf(program) || optOuts.contains("email:" + program) || optOuts.contains(NO_EMAIL);
    }
}
