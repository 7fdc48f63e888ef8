package dev.hearken.push.domain;

import java.util.regex.Pattern;

/**
 * The shape a device token must have for its platform before it is stored — a token that cannot be one only
 * costs a provider call and a dead-token removal later.
 *
 * <p><b>APNs</b> (iOS): the contract ({@code ../shared/contracts/apns.md}) sends to {@code /3/device/<hex token>}
 * and states nothing more. Relied on here beyond it: the token is an even number of hex digits (it is bytes in
 * hex), today 32 bytes = 64 digits; Apple advises not to hard-code that length, so 64 to 200 digits (100 bytes)
 * are accepted, upper or lower case.
 *
 * <p><b>FCM</b> (Android): the contract ({@code ../shared/contracts/fcm.md}) calls it an opaque registration token
 * (its example {@code fGz1Wq3kT0u6q1dXh3sJ8m:APA91bH…}) and states neither alphabet nor length. Relied on here: it is
 * made of base64url characters and {@code :} (the instance id, a colon, then the {@code APA91b…} part), 20 to 512
 * characters long (real ones are about 150–200). Anything else — a slash, a dot, a space, a control character —
 * cannot be a token and could be a path or log injection.
 */
public final class DeviceToken {

    /** Shortest APNs token accepted, in hex digits (32 bytes). */
    public static final int APNS_MIN = 64;
    /** Longest APNs token accepted, in hex digits (100 bytes). */
    public static final int APNS_MAX = 200;
    /** Shortest FCM registration token accepted. */
    public static final int FCM_MIN = 20;
    /** Longest FCM registration token accepted. */
    public static final int FCM_MAX = 512;

    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");
    private static final Pattern FCM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:-]*");

    private DeviceToken() {}

    /** {@code token} when it has the shape of a {@code platform} token; otherwise an {@link InvalidFieldException}. */
    public static String require(String token, Platform platform) {
        if (token == null || token.isEmpty()) {
            throw new InvalidFieldException("token", "token is required");
        }
        boolean valid = switch (platform) {
            case IOS -> token.length() >= APNS_MIN && token.length() <= APNS_MAX && HEX.matcher(token).matches();
            case ANDROID -> token.length() >= FCM_MIN && token.length() <= FCM_MAX && FCM.matcher(token).matches();
        };
        if (!valid) {
            throw new InvalidFieldException("token", platform == Platform.IOS
                    ? "an ios token is an APNs device token: " + APNS_MIN + "-" + APNS_MAX + " hex digits, an even number"
                    : "an android token is an FCM registration token: " + FCM_MIN + "-" + FCM_MAX
                            + " letters, digits, _ - or :");
        }
        return token;
    }

    /**
     * {@code token} when it could be a token of either platform (a removal does not name one: an APNs token's hex
     * digits are FCM's alphabet too); otherwise an {@link InvalidFieldException}.
     */
    public static String requireAny(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidFieldException("token", "token is required");
        }
        if (token.length() < FCM_MIN || token.length() > FCM_MAX || !FCM.matcher(token).matches()) {
            throw new InvalidFieldException("token", "token must be an FCM registration token or an APNs device token");
        }
        return token;
    }
}
