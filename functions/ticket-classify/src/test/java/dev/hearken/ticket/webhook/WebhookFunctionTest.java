package dev.hearken.ticket.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.aws.Emulator;
import dev.hearken.ticket.Queues;
import dev.hearken.ticket.TestEvents;
import dev.hearken.ticket.TicketClassifyResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The webhook export end to end inside Quarkus: the {@code events/ticket-classify/webhook-*} samples
 * (re-signed with the current time) through the Lambda mock event server, the secret in the
 * emulator's Secrets Manager, the messages on the emulator's tickets queue.
 */
@QuarkusTest
@TestProfile(WebhookFunctionTest.WebhookExport.class)
class WebhookFunctionTest {

    /** The same artifact with {@code QUARKUS_FUNQY_EXPORT=webhook}, as the CDK stack sets for hearken-ticket-webhook. */
    public static class WebhookExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Re-read the secret on every mismatch, so the rotation test needs no waiting.
            return Map.of("quarkus.funqy.export", "webhook",
                    "hearken.zendesk.webhook.secret-refresh-interval", "0s");
        }
    }

    @BeforeEach
    void emptyTheTicketsQueue() {
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
    }

    @Test
    void a_signed_trigger_is_accepted_with_202_only_once_it_is_on_the_queue_verbatim_with_its_kind() {
        JsonPath response = invoke(TestEvents.resigned("webhook-trigger-subscription-cancel"));

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(body(response).getString("ticketId")).isEqualTo("35501");
        List<Message> queued = Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
        assertThat(queued).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(TestEvents.body("webhook-trigger-subscription-cancel"));
            assertThat(m.messageAttributes().get("eventKind").stringValue()).isEqualTo("trigger");
            assertThat(m.messageAttributes().get("ticketId").stringValue()).isEqualTo("35501");
        });
    }

    @Test
    void a_signed_event_subscription_payload_is_accepted_and_enqueued_with_its_event_type() {
        JsonPath response = invoke(TestEvents.resigned("webhook-event-ticket-created"));

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get("eventKind").stringValue()).isEqualTo("zen:event-type:ticket.created"));
    }

    @Test
    void a_signed_comment_added_event_is_accepted_and_enqueued_verbatim_with_its_event_type() {
        JsonPath response = invoke(TestEvents.resigned("webhook-event-comment-added-privacy"));

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(body(response).getString("eventKind")).isEqualTo("zen:event-type:ticket.comment_added");
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(TestEvents.body("webhook-event-comment-added-privacy"));
            assertThat(m.messageAttributes().get("eventKind").stringValue())
                    .isEqualTo("zen:event-type:ticket.comment_added");
            assertThat(m.messageAttributes().get("ticketId").stringValue()).isEqualTo("35507");
        });
    }

    @Test
    void a_signature_made_with_another_secret_is_401_and_nothing_is_enqueued() {
        JsonPath response = invoke(TestEvents.resigned("webhook-bad-signature", "not-the-hearken-secret"));

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(body(response).getString("error")).isEqualTo("invalid_signature");
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void a_correct_signature_with_a_stale_timestamp_is_a_replay_401_and_nothing_is_enqueued() {
        JsonPath response = invoke(TestEvents.asStored("webhook-trigger-subscription-cancel"));

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void a_correctly_signed_malformed_body_is_400_with_a_json_error_and_nothing_is_enqueued() {
        JsonPath response = invoke(TestEvents.resigned("webhook-malformed-json"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(response.getString("headers.content-type")).startsWith("application/json");
        assertThat(body(response).getString("error")).isEqualTo("invalid_request");
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void an_oversized_body_is_413_before_anything_else_and_nothing_is_enqueued() {
        String big = "{\"ticket_id\":\"35501\",\"description\":\"" + "x".repeat(300 * 1024) + "\"}";

        JsonPath response = invoke(TestEvents.withBody("webhook-trigger-subscription-cancel", big));

        assertThat(response.getInt("statusCode")).isEqualTo(413);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void after_a_secret_rotation_the_first_mismatch_re_reads_the_secret_and_the_new_signature_is_accepted() {
        invoke(TestEvents.resigned("webhook-trigger-subscription-cancel")); // caches the current secret
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
        rotateSigningSecret("rotated-hearken-secret");
        try {
            JsonPath response = invoke(TestEvents.resigned("webhook-trigger-subscription-cancel", "rotated-hearken-secret"));

            assertThat(response.getInt("statusCode")).isEqualTo(202);
            assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).hasSize(1);
        } finally {
            rotateSigningSecret(null);
        }
    }

    /**
     * Benchmark, not a check (run with {@code -Dhearken.bench=true}): webhook latency in process —
     * from posting the API Gateway event to the Lambda mock event server to its 202, which includes
     * signature check, parse and SendMessage to the emulator.
     */
    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "hearken.bench", matches = "true")
    void benchmark_webhook_ingress_latency_p50_p99() {
        int n = Integer.getInteger("hearken.bench.requests", 500);
        List<Long> micros = new java.util.ArrayList<>();
        for (int i = 0; i < n + 50; i++) {
            String event = TestEvents.resigned("webhook-trigger-subscription-cancel");
            long start = System.nanoTime();
            JsonPath response = invoke(event);
            long took = (System.nanoTime() - start) / 1000;
            assertThat(response.getInt("statusCode")).isEqualTo(202);
            if (i >= 50) { // the first 50 warm up the JIT and the clients
                micros.add(took);
            }
        }
        java.util.Collections.sort(micros);
        System.out.printf("BENCH webhook: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", n,
                micros.get(n / 2) / 1000.0, micros.get((int) Math.ceil(n * 0.99) - 1) / 1000.0, micros.get(n - 1) / 1000.0);
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
    }

    /** Puts a new signing secret (or, with {@code null}, the test secret again) into Secrets Manager. */
    private static void rotateSigningSecret(String secret) {
        String value = "{\"webhookSigningSecret\":\"" + (secret == null ? TestEvents.SECRET : secret)
                + "\",\"apiEmail\":\"hearken-bot@example.com\",\"apiToken\":\"hearken-local-zendesk-api-token\"}";
        Emulator.shared().secrets().putSecretValue(b -> b.secretId(TicketClassifyResource.SECRET).secretString(value));
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath body(JsonPath response) {
        return new JsonPath(response.getString("body"));
    }
}
