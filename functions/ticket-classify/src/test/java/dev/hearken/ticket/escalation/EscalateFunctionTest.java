package dev.hearken.ticket.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import dev.hearken.ticket.Queues;
import dev.hearken.ticket.TestEvents;
import dev.hearken.ticket.TicketClassifyResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The escalate export end to end inside Quarkus: {@code events/review-escalate/} samples (and variants) through
 * the Lambda mock event server, the routing rules seeded in the emulator, Zendesk played by {@link ZendeskFake}.
 */
@QuarkusTest
@TestProfile(EscalateFunctionTest.EscalateExport.class)
class EscalateFunctionTest {

    /** The same artifact with {@code QUARKUS_FUNQY_EXPORT=escalate}, as the CDK stack sets for hearken-review-escalate. */
    public static class EscalateExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "escalate");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIVACY_ID = "review:googleplay:gp:AOqpTOHearkenPrivacy0007";
    private static final String LEGAL_ID = "review:appstore:af-af-review-0042";
    private static final long PRIVACY_GROUP = 360000000101L;
    private static final long LEGAL_GROUP = 360000000102L;

    private final ZendeskFake zendesk = TicketClassifyResource.zendesk();

    @BeforeEach
    void startWithoutCreatedTicketsAndWithAnEmptyQueue() {
        zendesk.reset();
        Queues.drain(TicketClassifyResource.ESCALATIONS_QUEUE);
    }

    @Test
    void the_queue_the_function_is_configured_with_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().queueNames())
                .contains(TicketClassifyResource.ESCALATIONS_QUEUE, TicketClassifyResource.ESCALATIONS_QUEUE + "-dlq");
    }

    @Test
    void the_privacy_review_sample_opens_one_ticket_in_the_privacy_group_with_the_review_as_an_internal_note() {
        JsonPath response = invoke(Events.load("review-escalate", "sqs-privacy-review"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).singleElement().satisfies(t -> {
            assertThat(t.path("group_id").asLong()).isEqualTo(PRIVACY_GROUP);
            assertThat(t.path("priority").asText()).isEqualTo("high");
            assertThat(tags(t)).contains("hearken_priority", "hearken_privacy", "privacy_request", "hearken_review",
                    "hearken_review_googleplay");
            assertThat(t.path("subject").asText()).isEqualTo(
                    "[Hearken] Privacy request in a Google Play review of com.example.lumen (1★)");
            assertThat(t.path("is_public").asBoolean()).isFalse();
            assertThat(t.path("description").asText()).contains(
                    "Delete my account and all my personal data, GDPR request",
                    "Rating: ★☆☆☆☆ (1 of 5)", "App: com.example.lumen", "Review id: gp:AOqpTOHearkenPrivacy0007",
                    "Reviewer (pseudonym): b7c1d2e3f4a5968778695a4b3c2d1e0f",
                    "Link: https://play.google.com/store/apps/details?id=com.example.lumen&reviewId=gp%3AAOqpTOHearkenPrivacy0007");
        });
        assertThat(zendesk.schemaViolations()).isEmpty();
        RecordedRequest lookup = zendesk.recorded().get(0);
        assertThat(lookup.method() + " " + lookup.path()).isEqualTo("GET /api/v2/tickets");
        assertThat(java.net.URLDecoder.decode(lookup.query(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("external_id=" + PRIVACY_ID);
    }

    @Test
    void a_redelivered_escalation_finds_its_ticket_and_creates_no_second_one() {
        String event = Events.load("review-escalate", "sqs-privacy-review");

        assertThat(invoke(event).getList("batchItemFailures")).isEmpty();
        assertThat(invoke(event).getList("batchItemFailures")).isEmpty();

        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).hasSize(1);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void a_batch_with_one_truncated_record_reports_exactly_that_record_and_escalates_the_others() {
        JsonPath response = invoke(Events.load("review-escalate", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-escalation-bad-1");
        assertThat(zendesk.ticketsWithExternalId(LEGAL_ID)).singleElement().satisfies(t -> {
            assertThat(t.path("group_id").asLong()).isEqualTo(LEGAL_GROUP);
            assertThat(t.path("priority").asText()).isEqualTo("urgent");
            assertThat(tags(t)).contains("hearken_priority", "hearken_legal", "legal", "hearken_review_appstore");
            assertThat(t.path("description").asText()).contains("Store: App Store (via AppFollow)",
                    "Link: https://appfollow.example.com/permalink/af-review-0042");
        });
        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).hasSize(1);
    }

    @Test
    void a_rate_limited_create_waits_as_a_delayed_copy_without_failing_and_the_copy_creates_the_ticket_once() {
        // given: the escalation as a real message on the queue, received, and one 429 on the create
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.ESCALATIONS_QUEUE);
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody(privacyBody()));
        Message received = receive(url).get(0);
        zendesk.inject(new Fault(r -> r.method().equals("POST") && r.path().equals("/api/v2/tickets"), 1, Duration.ZERO,
                FakeResponse.json(429, "{\"error\":\"TooManyRequests\",\"description\":\"Rate limit exceeded\"}")
                        .withHeader("retry-after", "1")));

        // when
        JsonPath first = invoke(TestEvents.sqsEvent(received));

        // then: the record succeeded (Lambda deletes it), nothing was created, a copy is back after Retry-After (1 s)
        assertThat(first.getList("batchItemFailures")).isEmpty();
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));
        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).isEmpty();
        List<Message> again = receive(url);
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isNotEqualTo(received.messageId());
            assertThat(m.messageAttributes().get(SqsRedelivery.ATTEMPTS).stringValue()).isEqualTo("1");
        });

        // and the copy opens the ticket, once
        assertThat(invoke(TestEvents.sqsEvent(again.get(0))).getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).hasSize(1);
        assertThat(posts()).extracting(RecordedRequest::status).containsExactly(429, 201);
    }

    @Test
    void a_rate_limited_lookup_creates_nothing_and_the_escalation_waits_on_its_queue() {
        // a real message: the sample's SentTimestamp is months old, so it would have waited too long already
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.ESCALATIONS_QUEUE);
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody(privacyBody()));
        Message received = receive(url).get(0);
        zendesk.inject(Fault.rateLimited("/api/v2/tickets", 1, 1));

        JsonPath response = invoke(TestEvents.sqsEvent(received));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(posts()).isEmpty();
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle()));
        List<Message> copy = receive(url);
        assertThat(copy).as("the delayed copy").hasSize(1);
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(copy.get(0).receiptHandle()));
    }

    @Test
    void an_escalation_that_waited_longer_than_the_bound_goes_to_the_dlq_with_the_reason_for_an_operator() {
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.ESCALATIONS_QUEUE);
        Queues.drain(TicketClassifyResource.ESCALATIONS_QUEUE + "-dlq");
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody(privacyBody()).messageAttributes(Map.of(
                SqsRedelivery.WAITING_SINCE, MessageAttributeValue.builder().dataType("String")
                        .stringValue(java.time.Instant.now().minus(Duration.ofHours(30)).toString()).build())));
        zendesk.inject(Fault.rateLimited("/api/v2/tickets", 1, 30));

        assertThat(invoke(TestEvents.sqsEvent(receive(url).get(0))).getList("batchItemFailures")).isEmpty();

        assertThat(Queues.drain(TicketClassifyResource.ESCALATIONS_QUEUE + "-dlq")).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get(SqsRedelivery.REASON).stringValue()).startsWith("waited_too_long: zendesk"));
        assertThat(posts()).isEmpty();
    }

    @Test
    void a_zendesk_server_error_fails_only_that_record_and_the_redelivery_creates_the_ticket_once() {
        zendesk.inject(Fault.status("/api/v2/tickets", 1, 503, "{\"error\":\"ServiceUnavailable\"}"));
        String event = Events.load("review-escalate", "sqs-privacy-review");

        assertThat(invoke(event).getList("batchItemFailures.itemIdentifier")).containsExactly("msg-escalation-privacy-1");
        assertThat(invoke(event).getList("batchItemFailures")).isEmpty();

        assertThat(zendesk.ticketsWithExternalId(PRIVACY_ID)).hasSize(1);
    }

    @Test
    void a_message_that_is_not_a_valid_escalation_fails_its_record_and_reaches_zendesk_not_at_all() {
        String payment = privacyBody().replace("\"flags\":[\"privacy\"]", "\"flags\":[\"payment\"]");
        String otherId = privacyBody().replace("\"escalationId\":\"" + PRIVACY_ID, "\"escalationId\":\"review:googleplay:x");

        JsonPath response = invoke(TestEvents.sqsEvent("msg-escalation-payment", "AQEB-fake-payment", payment));
        JsonPath mismatch = invoke(TestEvents.sqsEvent("msg-escalation-mismatch", "AQEB-fake-mismatch", otherId));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-escalation-payment");
        assertThat(mismatch.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-escalation-mismatch");
        assertThat(zendesk.recorded()).isEmpty();
    }

    private static String privacyBody() {
        try {
            return JSON.readTree(Events.load("review-escalate", "sqs-privacy-review")).path("Records").get(0)
                    .path("body").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RecordedRequest> posts() {
        return zendesk.recorded().stream().filter(r -> r.method().equals("POST")).toList();
    }

    private static List<String> tags(JsonNode ticket) {
        return JSON.convertValue(ticket.path("tags"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static List<Message> receive(String url) {
        return Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
