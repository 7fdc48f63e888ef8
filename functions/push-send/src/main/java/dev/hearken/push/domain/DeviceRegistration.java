package dev.hearken.push.domain;

import java.util.Objects;

/**
 * A device the app backend registers or refreshes: the {@code push-devices} item push-send sends to, plus what
 * the app said about the installation.
 *
 * @param device the user, the token and its platform
 * @param appId  bundle id or package name of the app, or {@code null}
 * @param locale BCP 47 tag of the installation's language, or {@code null}
 */
public record DeviceRegistration(Device device, String appId, String locale) {

    public DeviceRegistration {
        Objects.requireNonNull(device, "device");
    }

    /** Checks the request's values (the token's shape for its platform, the app id, the locale). */
    public static DeviceRegistration of(String userId, String token, String platform, String appId, String locale) {
        Platform p = AppInput.platform("platform", platform);
        return new DeviceRegistration(new Device(userId, DeviceToken.require(token, p), p),
                AppInput.appId("appId", appId), AppInput.locale("locale", locale, false));
    }
}
