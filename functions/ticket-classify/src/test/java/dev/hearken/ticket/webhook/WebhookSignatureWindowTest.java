package dev.hearken.ticket.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.ticket.Queues;
import dev.hearken.ticket.TestEvents;
import dev.hearken.ticket.TicketClassifyResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay window (five minutes either way, {@code hearken.zendesk.webhook.tolerance}) measured on the injected
 * clock: the stored sample, signed with the test secret at its own timestamp, is sent unchanged while the clock
 * stands just inside or just outside the window.
 */
@QuarkusTest
@TestProfile(WebhookSignatureWindowTest.SettableClockWebhook.class)
class WebhookSignatureWindowTest {

    private static final String SAMPLE = "webhook-trigger-subscription-cancel";
    /** The sample's {@code x-zendesk-webhook-signature-timestamp}. */
    private static final Instant SIGNED_AT = Instant.parse("2026-03-02T09:15:02Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** The webhook export with {@link SettableClock} as the module's clock. */
    public static class SettableClockWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "webhook");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }
    }

    @Inject
    SettableClock clock;

    @BeforeEach
    void emptyTheTicketsQueue() {
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
    }

    @Test
    void a_signature_older_than_the_window_by_the_clock_is_a_replay_401_and_nothing_is_enqueued() {
        clock.set(SIGNED_AT.plus(WINDOW).plusSeconds(1));

        JsonPath response = invoke(TestEvents.asStored(SAMPLE));

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void the_same_signature_just_inside_the_window_by_the_clock_is_accepted() {
        clock.set(SIGNED_AT.plus(WINDOW).minusSeconds(1));

        JsonPath response = invoke(TestEvents.asStored(SAMPLE));

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).hasSize(1);
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
