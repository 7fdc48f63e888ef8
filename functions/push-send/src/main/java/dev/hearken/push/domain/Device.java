package dev.hearken.push.domain;

import java.util.Objects;

/**
 * One registered app installation.
 *
 * @param userId   owner
 * @param token    FCM registration token or APNs device token (hex)
 * @param platform which provider the token belongs to
 */
public record Device(String userId, String token, Platform platform) {

    public Device {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
    }

    /** A short, non-reversible reference for logs and delivery records (tokens are personal data). */
    public String tokenRef() {
        return Integer.toHexString(token.hashCode());
    }
}
