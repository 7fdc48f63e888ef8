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
 * @param quietHours the user's quiet hours (the default when they never chose)
 * @param email      address for the e-mail channel, or {@code null}
 * @param attributes targeting attributes for experiments ({@code country}, ...), strings only
 */
public record UserProfile(
        String userId,
        String locale,
        ZoneId timeZone,
        Set<String> optOuts,
        QuietHours quietHours,
        String email,
        Map<String, String> attributes) {

    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        locale = locale == null || locale.isBlank() ? "en" : locale;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        optOuts = optOuts == null ? Set.of() : Set.copyOf(optOuts);
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Whether the user opted out of {@code program} (or of everything). */
    public boolean optedOutOf(String program) {
        return optOuts.contains(program) || optOuts.contains("*");
    }
}
