package dev.hearken.integrations.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.integration.ServiceException;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one Zendesk client against the Zendesk fake: what it reads, and how every error answer is mapped. */
@QuarkusTest
@QuarkusTestResource(value = ZendeskFakeResource.class, restrictToAnnotatedClass = true)
class ZendeskClientTest {

    private static final long TICKET = 35501;

    private final ZendeskFake zendesk = ZendeskFakeResource.zendesk();

    @Inject
    ZendeskClient client;

    @BeforeEach
    void reset() {
        zendesk.reset();
    }

    @Test
    void reads_a_seeded_ticket_with_api_token_auth() {
        ZendeskDtos.TicketObject ticket = client.ticket(TICKET);

        assertThat(ticket.id()).isEqualTo(TICKET);
        assertThat(zendesk.recorded()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void a_429_with_retry_after_seconds_is_rate_limited_for_that_long() {
        zendesk.inject(Fault.rateLimited("/tickets/", 1, 7));

        assertThatThrownBy(() -> client.ticket(TICKET)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.service()).isEqualTo("zendesk");
            assertThat(e.retryAfter()).hasSeconds(7);
        });
    }

    @Test
    void a_plain_text_429_without_retry_after_waits_the_default_minute() {
        zendesk.inject(new Fault(r -> r.path().contains("/tickets/"), 1, Duration.ZERO, new FakeResponse(429,
                Map.of("Content-Type", "text/plain"), "Number of allowed API requests per minute exceeded")));

        assertThatThrownBy(() -> client.ticket(TICKET)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(ZendeskClient.DEFAULT_RETRY_AFTER).hasSeconds(60));
    }

    @Test
    void a_429_with_an_http_date_waits_until_that_date() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        zendesk.inject(new Fault(r -> r.path().contains("/tickets/"), 1, Duration.ZERO,
                FakeResponse.json(429, "{\"error\":\"TooManyRequests\"}").withHeader("retry-after", inTwoMinutes)));

        assertThatThrownBy(() -> client.ticket(TICKET)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
    }

    @Test
    void a_stale_safe_update_is_a_conflict() {
        zendesk.inject(Fault.status("/tickets/" + TICKET, 1, 409, "{\"error\":\"UpdateConflict\","
                + "\"description\":\"Safe Update prevented the update due to outdated ticket data.\"}"));

        assertThatThrownBy(() -> client.update(TICKET, new ZendeskDtos.TicketUpdateInput(List.of("x"), null, null,
                null, true, "2025-01-08T10:12:07Z")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e).hasMessageContaining("ticket " + TICKET));
    }

    @Test
    void a_missing_ticket_is_not_found() {
        assertThatThrownBy(() -> client.ticket(999_999_999L)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.service()).isEqualTo("zendesk"));
    }

    @Test
    void a_5xx_is_a_retryable_zendesk_error_and_a_422_a_permanent_one() {
        zendesk.inject(Fault.status("/users/", 1, 503, "{\"error\":\"ServiceUnavailable\"}"));
        assertThatThrownBy(() -> client.user(1)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.permanent()).isFalse();
        });

        zendesk.inject(Fault.status("/tickets/" + TICKET, 1, 422,
                "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\"}"));
        assertThatThrownBy(() -> client.update(TICKET, new ZendeskDtos.TicketUpdateInput(null, null, null, "closed",
                null, null))).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.permanent()).isTrue());
    }
}
