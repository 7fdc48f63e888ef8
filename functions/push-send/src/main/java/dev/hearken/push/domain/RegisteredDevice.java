package dev.hearken.push.domain;

/**
 * A registered device as the app-backend API shows it (the {@code push-devices} item).
 *
 * @param token        the FCM or APNs token
 * @param platform     {@code android} or {@code ios}
 * @param appId        bundle id or package name, or {@code null}
 * @param locale       the installation's language, or {@code null}
 * @param registeredAt first registration, ISO-8601
 * @param lastSeen     last registration or refresh, ISO-8601, or {@code null} for a device registered before the
 *                     API existed
 */
public record RegisteredDevice(String token, String platform, String appId, String locale, String registeredAt,
        String lastSeen) {}
