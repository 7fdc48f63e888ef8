package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The action per provider error, as fcm.md §4 and apns.md §5 prescribe. */
class ProviderErrorsTest {

    private static final Duration DEFAULT = Duration.ofSeconds(60);

    @Test
    void fcm_unregistered_and_sender_id_mismatch_mean_the_token_is_dead() {
        assertThat(ProviderErrors.fcm(404, "UNREGISTERED", "NOT_FOUND", null, DEFAULT))
                .isEqualTo(new ProviderOutcome.DeadToken("fcm:UNREGISTERED"));
        assertThat(ProviderErrors.fcm(403, "SENDER_ID_MISMATCH", "PERMISSION_DENIED", null, DEFAULT))
                .isInstanceOf(ProviderOutcome.DeadToken.class);
    }

    @Test
    void fcm_quota_and_availability_errors_are_retried_after_retry_after_or_the_default() {
        assertThat(ProviderErrors.fcm(429, "QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED", Duration.ofSeconds(30), DEFAULT))
                .isEqualTo(new ProviderOutcome.Retry("fcm:QUOTA_EXCEEDED", Duration.ofSeconds(30)));
        assertThat(ProviderErrors.fcm(503, "UNAVAILABLE", "UNAVAILABLE", null, DEFAULT))
                .isEqualTo(new ProviderOutcome.Retry("fcm:UNAVAILABLE", DEFAULT));
        assertThat(ProviderErrors.fcm(500, "INTERNAL", "INTERNAL", null, DEFAULT)).isInstanceOf(ProviderOutcome.Retry.class);
        assertThat(ProviderErrors.fcm(502, null, null, null, DEFAULT)).isInstanceOf(ProviderOutcome.Retry.class);
    }

    @Test
    void fcm_invalid_argument_and_auth_errors_are_rejected_for_good() {
        assertThat(ProviderErrors.fcm(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", null, DEFAULT))
                .isEqualTo(new ProviderOutcome.Rejected("fcm:INVALID_ARGUMENT"));
        assertThat(ProviderErrors.fcm(401, "THIRD_PARTY_AUTH_ERROR", "UNAUTHENTICATED", null, DEFAULT))
                .isInstanceOf(ProviderOutcome.Rejected.class);
    }

    @Test
    void apns_410_and_bad_device_token_mean_the_token_is_dead() {
        assertThat(ProviderErrors.apns(410, "Unregistered", null, DEFAULT))
                .isEqualTo(new ProviderOutcome.DeadToken("apns:410:Unregistered"));
        assertThat(ProviderErrors.apns(400, "BadDeviceToken", null, DEFAULT)).isInstanceOf(ProviderOutcome.DeadToken.class);
        assertThat(ProviderErrors.apns(400, "DeviceTokenNotForTopic", null, DEFAULT))
                .isInstanceOf(ProviderOutcome.DeadToken.class);
    }

    @Test
    void apns_429_and_5xx_are_retried_and_other_4xx_rejected() {
        assertThat(ProviderErrors.apns(429, "TooManyRequests", null, DEFAULT))
                .isEqualTo(new ProviderOutcome.Retry("apns:429:TooManyRequests", DEFAULT));
        assertThat(ProviderErrors.apns(503, "ServiceUnavailable", Duration.ofSeconds(5), DEFAULT))
                .isEqualTo(new ProviderOutcome.Retry("apns:503:ServiceUnavailable", Duration.ofSeconds(5)));
        assertThat(ProviderErrors.apns(400, "BadTopic", null, DEFAULT)).isInstanceOf(ProviderOutcome.Rejected.class);
        assertThat(ProviderErrors.apns(413, "PayloadTooLarge", null, DEFAULT)).isInstanceOf(ProviderOutcome.Rejected.class);
    }
}
