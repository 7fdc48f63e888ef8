package dev.hearken.autoreply.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * auto-reply end to end inside Quarkus: SQS events from {@code events/auto-reply/} posted to the
 * Lambda mock event server, DynamoDB and SQS in the emulator, Zendesk as its contract fake.
 */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class AutoReplyFunctionTest {

    private final ZendeskFake zendesk = AutoReplyResource.zendesk();

    @Test
    void a_batch_with_one_bad_record_reports_exactly_that_record_and_handles_the_others() {
        JsonPath response = invoke(Events.load("auto-reply", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-reply-bad-1");
        assertThat(outcome("zendesk:35504")).isEqualTo("SKIPPED"); // no canned answer for refunds
        assertThat(item("zendesk:35504").get("reason").s()).isEqualTo("no_template");
        assertThat(zendesk.updatesOf(35504)).isEmpty();
        assertThat(zendesk.updatesOf(35506)).hasSize(1); // answered here or by the ok batch, once
        assertThat(zendesk.schemaViolations()).isEmpty();
    }

    @Test
    void the_ok_batch_replies_in_the_requesters_language_and_a_redelivery_sends_nothing_more() {
        String event = Events.load("auto-reply", "sqs-batch-ok");

        JsonPath first = invoke(event);
        JsonPath second = invoke(event);

        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(second.getList("batchItemFailures")).isEmpty();
        List<JsonNode> updates = zendesk.updatesOf(35505);
        assertThat(updates).hasSize(1);
        JsonNode ticket = updates.get(0).path("ticket");
        assertThat(ticket.path("comment").path("public").asBoolean()).isTrue();
        assertThat(ticket.path("comment").path("body").asText())
                .startsWith("Hello Emma Wilson,")
                .contains("35505")
                .endsWith("Reply to this message and a person from our team will answer.");
        assertThat(ticket.path("status").asText()).isEqualTo("pending");
        assertThat(zendesk.ticket(35505).path("tags").toString()).contains("hearken_auto_replied", "auto_replied");
        assertThat(zendesk.updatesOf(35506)).hasSize(1);
        assertThat(outcome("zendesk:35506")).isEqualTo("SENT");
        assertThat(item("zendesk:35506").get("templateKey").s()).isEqualTo("ticket:how_to");
        assertThat(item("zendesk:35506").get("experimentKey").s()).isEqualTo("reply-template-tone");
        assertThat(zendesk.schemaViolations()).isEmpty();
    }

    @Test
    void a_privacy_tagged_ticket_gets_no_reply_even_when_requested() {
        invoke(Events.load("auto-reply", "sqs-batch-ok"));

        assertThat(zendesk.updatesOf(35503)).isEmpty();
        assertThat(item("zendesk:35503").get("reason").s()).isEqualTo("blocked_tag:privacy");
    }

    @Test
    void a_pending_request_for_a_ticket_a_follow_up_re_routed_to_people_is_skipped_not_sent() {
        // given: handed over as a how-to question; since then the requester asked for the deletion of
        // their data and ticket-classify re-routed the ticket (as it leaves it: tags, group, priority)
        zendesk.putTicket("""
                {"id":35604,"status":"open","priority":"high","group_id":360000000101,"requester_id":9100000000116,
                 "tags":["hearken_classified","hearken_intent_how_to","hearken_intent_privacy_request",
                         "hearken_priority","hearken_privacy","how_to","privacy_request","web_form"],
                 "updated_at":"2026-03-02T10:20:06Z","subject":"Export","description":"How do I export one album?"}""");

        JsonPath response = invoke(sqsEvent("msg-re-routed", "rh-re-routed", request("35604", "how_to")));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35604)).isEmpty();
        assertThat(zendesk.commentsOf(35604)).hasSize(1); // the description only
        assertThat(outcome("zendesk:35604")).isEqualTo("SKIPPED");
        // the first blocked tag of the ticket's tags, which come in no fixed order
        assertThat(item("zendesk:35604").get("reason").s())
                .isIn("blocked_tag:hearken_priority", "blocked_tag:hearken_privacy");
    }

    @Test
    void a_ticket_an_agent_already_answered_publicly_gets_no_reply() {
        zendesk.putTicket("""
                {"id":35602,"status":"open","priority":"normal","tags":[],"requester_id":9100000000116,
                 "updated_at":"2026-03-02T10:40:00Z","subject":"Export","description":"How do I export my albums?"}""");
        zendesk.addComment(35602, 9100000000999L, "Hi Dana, go to Settings > Export.", true);

        JsonPath response = invoke(sqsEvent("msg-agent-answered", "rh-agent-answered", request("35602", "how_to")));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35602)).isEmpty();
        assertThat(item("zendesk:35602").get("reason").s()).isEqualTo("agent_answered");
    }

    @Test
    void an_internal_note_by_an_agent_does_not_count_as_an_answer() {
        zendesk.putTicket("""
                {"id":35603,"status":"open","priority":"normal","tags":[],"requester_id":9100000000116,
                 "updated_at":"2026-03-02T10:41:00Z","subject":"Export","description":"How do I export my albums?"}""");
        zendesk.addComment(35603, 9100000000999L, "internal: routed by rule", false);

        invoke(sqsEvent("msg-internal-note", "rh-internal-note", request("35603", "how_to")));

        assertThat(zendesk.updatesOf(35603)).hasSize(1);
        assertThat(zendesk.commentsOf(35603)).hasSize(3);
    }

    @Test
    void a_request_zendesk_can_never_accept_goes_to_the_dlq_at_once_with_its_reason() {
        String body = request("99999", "how_to"); // no such ticket: 404

        JsonPath response = invoke(sqsEvent("msg-unknown-ticket", "rh-unknown-ticket", body));

        assertThat(response.getList("batchItemFailures")).isEmpty(); // handled: not retried five times
        List<Message> dead = Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(AutoReplyResource.dlqUrl())
                .messageAttributeNames("All").waitTimeSeconds(1).maxNumberOfMessages(10)).messages();
        assertThat(dead).filteredOn(m -> m.body().equals(body)).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("reason").stringValue()).isEqualTo("zendesk_404");
            assertThat(m.messageAttributes().get("requestId").stringValue()).isEqualTo("zendesk:99999");
            assertThat(m.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("msg-unknown-ticket");
        });
        assertThat(item("zendesk:99999")).isEmpty(); // the claim was released: nothing was sent
    }

    @Test
    void a_rate_limited_reply_waits_as_a_delayed_copy_without_failing_and_the_copy_answers_once() throws Exception {
        // given: a real message on the queue, received with a long visibility timeout
        zendesk.putTicket("""
                {"id":35601,"status":"new","priority":"normal","tags":[],"requester_id":9100000000116,
                 "updated_at":"2026-03-02T10:30:00Z","subject":"Export","description":"How do I export?"}""");
        String queue = AutoReplyResource.queueUrl();
        String body = request("35601", "how_to");
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        Message received = Emulator.shared().sqs()
                .receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(120).waitTimeSeconds(1)).messages().get(0);
        zendesk.inject(Fault.rateLimited("/api/v2/tickets/35601", 1, 1));

        // when
        JsonPath response = invoke(sqsEvent(received.messageId(), received.receiptHandle(), body));

        // then: the record succeeded (Lambda deletes it), and a copy is visible after Retry-After (1 s), not 120 s
        assertThat(response.getList("batchItemFailures")).isEmpty();
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(received.receiptHandle()));
        assertThat(zendesk.updatesOf(35601)).isEmpty();
        List<Message> again = await().atMost(Duration.ofSeconds(30)).until(
                () -> Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(2)
                        .messageAttributeNames("All")).messages(),
                messages -> !messages.isEmpty());
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isNotEqualTo(received.messageId());
            assertThat(m.body()).isEqualTo(body);
            assertThat(m.messageAttributes().get(SqsRedelivery.ATTEMPTS).stringValue()).isEqualTo("1");
        });
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(again.get(0).receiptHandle()));

        // and the copy answers once, and a second copy (a crash before the original was deleted) changes nothing
        invoke(sqsEvent(again.get(0).messageId(), again.get(0).receiptHandle(), body));
        invoke(sqsEvent("msg-second-copy", "rh-second-copy", body));
        assertThat(zendesk.updatesOf(35601)).hasSize(1);
    }

    @Test
    void a_request_that_waited_longer_than_the_bound_is_left_to_people_and_never_answered_late() {
        // given: a request first queued 25 hours ago, and Zendesk still rate limiting
        zendesk.putTicket("""
                {"id":35605,"status":"new","priority":"normal","tags":[],"requester_id":9100000000116,
                 "updated_at":"2026-03-02T10:30:00Z","subject":"Export","description":"How do I export?"}""");
        String body = request("35605", "how_to");
        zendesk.inject(Fault.rateLimited("/api/v2/tickets/35605", 1, 30));
        String since = java.time.Instant.now().minus(Duration.ofHours(25)).toString();

        // when
        JsonPath response = invoke(sqsEvent("msg-old", "rh-old", body).replace("\"messageAttributes\":{}",
                "\"messageAttributes\":{\"" + SqsRedelivery.WAITING_SINCE + "\":{\"stringValue\":\"" + since
                        + "\",\"dataType\":\"String\"}}"));

        // then: handled, recorded as skipped for waiting too long, and a later copy does not answer it either
        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(item("zendesk:35605").get("reason").s()).isEqualTo("waited_too_long");
        invoke(sqsEvent("msg-old-copy", "rh-old-copy", body));
        assertThat(zendesk.updatesOf(35605)).isEmpty();
    }

    private static String request(String ticketId, String intent) {
        return ("{\"version\":1,\"requestId\":\"zendesk:%s\",\"source\":\"zendesk\",\"itemId\":\"%s\","
                + "\"language\":\"en\",\"locale\":\"en-US\",\"intent\":\"%s\",\"intentConfidence\":0.9,"
                + "\"decidedAt\":\"2026-03-02T10:30:05Z\",\"modelVersion\":\"v1\"}").formatted(ticketId, ticketId, intent);
    }

    private static String sqsEvent(String messageId, String receiptHandle, String body) {
        return """
                {"Records":[{"messageId":"%s","receiptHandle":"%s","body":%s,
                  "attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},
                  "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:hearken-auto-reply",
                  "awsRegion":"us-east-1"}]}""".formatted(messageId, receiptHandle, quote(body));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, AttributeValue> item(String requestId) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(AutoReplyResource.REPLIES).consistentRead(true)
                .key(Map.of("requestId", AttributeValue.fromS(requestId))));
        return item.hasItem() ? item.item() : Map.of();
    }

    private static String outcome(String requestId) {
        AttributeValue v = item(requestId).get("outcome");
        return v == null ? null : v.s();
    }
}
