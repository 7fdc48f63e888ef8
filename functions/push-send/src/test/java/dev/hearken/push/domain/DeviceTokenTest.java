package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTokenTest {

    private static final String APNS = "00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0";
    private static final String FCM = "fGz1Wq3kT0u6q1dXh3sJ8m:APA91bHearkenDemoUser1001Pixel8";

    @Test
    void an_apns_token_is_an_even_number_of_hex_digits_from_64_to_200() {
        assertThat(DeviceToken.require(APNS, Platform.IOS)).isEqualTo(APNS);
        assertThat(DeviceToken.require(APNS.toUpperCase(), Platform.IOS)).isEqualTo(APNS.toUpperCase());
        assertThat(DeviceToken.require("ab".repeat(100), Platform.IOS)).hasSize(200);
        for (String bad : List.of(APNS.substring(2), APNS + "a", "ab".repeat(101), APNS.replace('0', 'g'), FCM)) {
            assertThatThrownBy(() -> DeviceToken.require(bad, Platform.IOS)).as(bad)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("token"));
        }
    }

    @Test
    void an_fcm_token_is_20_to_512_base64url_characters_or_colons() {
        assertThat(DeviceToken.require(FCM, Platform.ANDROID)).isEqualTo(FCM);
        for (String bad : List.of("short:APA91b", "a".repeat(513), "../../etc/passwd:APA91bHearken", "fGz1Wq3k T0u6q1dXh3sJ8m",
                "fGz1Wq3kT0u6q1dXh3sJ8m:APA91b\n", ":fGz1Wq3kT0u6q1dXh3sJ8mAPA91b", "")) {
            assertThatThrownBy(() -> DeviceToken.require(bad, Platform.ANDROID)).as(bad)
                    .isInstanceOf(InvalidFieldException.class);
        }
    }

    @Test
    void a_removal_takes_a_token_of_either_platform() {
        assertThat(DeviceToken.requireAny(APNS)).isEqualTo(APNS);
        assertThat(DeviceToken.requireAny(FCM)).isEqualTo(FCM);
        assertThatThrownBy(() -> DeviceToken.requireAny("a/b".repeat(10))).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> DeviceToken.requireAny(null)).isInstanceOf(InvalidFieldException.class);
    }
}
