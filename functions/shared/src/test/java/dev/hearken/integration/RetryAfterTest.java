package dev.hearken.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void delay_seconds_are_read_as_a_duration() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    void an_http_date_is_the_time_left_until_it_and_never_negative() {
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 10:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void a_huge_or_overflowing_wait_is_clamped_to_the_maximum() {
        assertThat(RetryAfter.parse("999999999", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).contains(RetryAfter.MAX);
    }

    @Test
    void absent_negative_or_unreadable_headers_fall_back() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("  ", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.orDefault(null, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rate_limited_carries_its_service_and_wait() {
        RateLimitedException e = new RateLimitedException("zendesk", Duration.ofSeconds(30));
        assertThat(e.service()).isEqualTo("zendesk");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e).hasMessage("zendesk: rate limited; retry after 30 s");
    }
}
