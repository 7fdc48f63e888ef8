package dev.hearken.push.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hearken.push.domain.ProfileUpdate;

/**
 * The request bodies of the app-backend API ({@link AppFunction}), bound strictly: an unknown field, a wrong type or
 * a missing required field is a 400 naming it. What the values may be is the domain's check
 * ({@link dev.hearken.push.domain.AppInput}).
 */
public final class AppBodies {

    private AppBodies() {}

    /**
     * {@code PUT /users/{userId}/devices/{token}}.
     *
     * @param platform {@code ios} or {@code android}
     * @param appId    bundle id or package name (optional)
     * @param locale   BCP 47 tag of the installation (optional)
     */
    public record Device(@JsonProperty(required = true) String platform, String appId, String locale) {}

    /**
     * {@code PUT /users/{userId}/profile}: a full upsert, so the channels are required; no quiet hours means the
     * default, no e-mail means none.
     *
     * @param locale     BCP 47 tag
     * @param timeZone   IANA zone
     * @param quietHours local {@code HH:mm} start and end (optional)
     * @param channels   whether the user accepts push and e-mail
     * @param email      address (optional)
     */
    public record Profile(@JsonProperty(required = true) String locale, @JsonProperty(required = true) String timeZone,
            QuietHours quietHours, @JsonProperty(required = true) Channels channels, String email) {

        /** The domain's upsert, its values checked. */
        public ProfileUpdate update() {
            return ProfileUpdate.of(locale, timeZone, quietHours == null ? null : quietHours.start(),
                    quietHours == null ? null : quietHours.end(), channels.push(), channels.email(), email);
        }
    }

    /** Quiet hours: local start (inclusive) and end (exclusive), {@code HH:mm}. */
    public record QuietHours(@JsonProperty(required = true) String start, @JsonProperty(required = true) String end) {}

    /** The channel opt-ins. */
    public record Channels(@JsonProperty(required = true) boolean push, @JsonProperty(required = true) boolean email) {}
}
