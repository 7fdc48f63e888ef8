package dev.hearken.ticket.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void it_reproduces_the_contracts_timestamp_plus_body_test_vectors() {
        assertThat(WebhookSignature.sign("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=", "2021-07-25T10:00:00Z",
                "{\"say\": \"hello\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=");
        assertThat(WebhookSignature.sign("dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==", "2025-01-08T10:12:07Z",
                "{\"type\":\"zen:event-type:ticket.created\",\"id\":\"cbe4028c-7239-495d-b020-f22348516046\"}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ZElAOlhUAfx3myHBhCip0891woHaYZ350g3U779VW9I=");
    }

    @Test
    void a_signature_matches_only_for_the_same_secret_timestamp_and_body() {
        byte[] body = "{\"say\": \"hello\"}".getBytes(StandardCharsets.UTF_8);
        String good = WebhookSignature.sign("s3cret", "2026-03-02T09:15:02Z", body);

        assertThat(WebhookSignature.matches("s3cret", "2026-03-02T09:15:02Z", body, good)).isTrue();
        assertThat(WebhookSignature.matches("other", "2026-03-02T09:15:02Z", body, good)).isFalse();
        assertThat(WebhookSignature.matches("s3cret", "2026-03-02T09:15:03Z", body, good)).isFalse();
        assertThat(WebhookSignature.matches("s3cret", "2026-03-02T09:15:02Z", "{}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(WebhookSignature.matches("s3cret", "2026-03-02T09:15:02Z", body, null)).isFalse();
        assertThat(WebhookSignature.matches("", "2026-03-02T09:15:02Z", body, good)).isFalse();
    }

    @Test
    void timestamps_older_or_newer_than_the_window_are_stale_and_a_missing_one_is_missing() {
        Instant now = Instant.parse("2026-03-02T09:20:00Z");

        assertThat(WebhookSignature.checkTimestamp("2026-03-02T09:15:00Z", now, FIVE_MINUTES)).isEqualTo(WebhookSignature.Check.VALID);
        assertThat(WebhookSignature.checkTimestamp("2026-03-02T09:14:59Z", now, FIVE_MINUTES)).isEqualTo(WebhookSignature.Check.STALE);
        assertThat(WebhookSignature.checkTimestamp("2026-03-02T09:25:01Z", now, FIVE_MINUTES)).isEqualTo(WebhookSignature.Check.STALE);
        assertThat(WebhookSignature.checkTimestamp("yesterday", now, FIVE_MINUTES)).isEqualTo(WebhookSignature.Check.STALE);
        assertThat(WebhookSignature.checkTimestamp(null, now, FIVE_MINUTES)).isEqualTo(WebhookSignature.Check.MISSING);
    }
}
