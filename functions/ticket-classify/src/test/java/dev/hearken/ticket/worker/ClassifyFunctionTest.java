package dev.hearken.ticket.worker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import dev.hearken.ticket.Queues;
import dev.hearken.ticket.TestEvents;
import dev.hearken.ticket.TicketClassifyResource;
import dev.hearken.ticket.domain.ClassificationService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The classify export end to end inside Quarkus: SQS events through the Lambda mock event server,
 * Zendesk played by {@link ZendeskFake}, decisions and queues in the emulator, the real
 * understanding models.
 */
@QuarkusTest
@QuarkusTestResource(value = TicketClassifyResource.class, restrictToAnnotatedClass = false)
class ClassifyFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PRIVACY_GROUP = 360000000101L;
    private static final long BILLING_GROUP = 360000000201L;
    private static final long VIP_GROUP = 360000000103L;
    private static final long HOW_TO_GROUP = 360000000204L;
    private static final long GENERAL_GROUP = 360000000200L;
    private static final long REQUESTER_35507 = 9100000000117L;
    private static final long AGENT = 9100000000999L;
    /** "Please delete my account and all my personal data" in Korean. */
    private static final String KOREAN_PRIVACY = "계정과 개인정보를 모두 삭제해 주세요";
    /** The event id of {@code webhook-event-comment-added-privacy}. */
    private static final String FOLLOW_UP_EVENT = "00000000-0000-4000-8000-000042000001";

    @Inject
    TableNames tables;

    @Inject
    dev.hearken.ticket.webhook.WebhookIngress ingress;

    private final ZendeskFake zendesk = TicketClassifyResource.zendesk();

    @BeforeEach
    void startFromSeededTicketsAndEmptyQueues() {
        zendesk.reset();
        Queues.clearDecisions();
        Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE);
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE);
    }

    @Test
    void every_table_the_worker_is_configured_with_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().tableNames())
                .contains(tables.ticketDecisions(), tables.routingRules(), tables.vip());
    }

    @Test
    void a_batch_with_one_truncated_record_reports_exactly_that_record_and_processes_the_others() {
        JsonPath response = invoke(Events.load("ticket-classify", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-ticket-bad-1");
        assertThat(zendesk.updatesOf(35501)).hasSize(1);
        assertThat(zendesk.updatesOf(35502)).hasSize(1);
        assertThat(zendesk.schemaViolations()).isEmpty();
    }

    @Test
    void the_spanish_gdpr_request_goes_to_the_privacy_group_tagged_priority_and_never_to_auto_reply() {
        JsonPath response = invoke(record("msg-gdpr", TestEvents.body("webhook-trigger-gdpr-deletion-es")));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        JsonNode ticket = zendesk.ticket(35503);
        assertThat(ticket.path("group_id").asLong()).isEqualTo(PRIVACY_GROUP);
        assertThat(tags(ticket)).contains("hearken_priority", "hearken_privacy", "privacy_request", "email", "privacy");
        assertThat(ticket.path("priority").asText()).isEqualTo("high");
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).isEmpty();
        Map<String, AttributeValue> decision = onlyDecision(35503);
        assertThat(decision.get("language").s()).isEqualTo("es");
        assertThat(decision.get("autoReply").bool()).isFalse();
        assertThat(decision.get("flags").l()).extracting(AttributeValue::s).contains("privacy");
        assertThat(decision.get("reasons").l()).isNotEmpty();
        assertThat(decision.get("expiresAt").n()).matches("\\d{10}");
    }

    @Test
    void the_subscription_question_is_routed_to_billing_and_handed_to_auto_reply_in_the_documented_format() throws Exception {
        JsonPath response = invoke(record("msg-cancel", TestEvents.body("webhook-trigger-subscription-cancel")));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        JsonNode ticket = zendesk.ticket(35501);
        assertThat(ticket.path("group_id").asLong()).isEqualTo(BILLING_GROUP);
        assertThat(tags(ticket)).contains("billing", "premium_monthly", "web_form", "hearken_classified",
                "hearken_intent_subscription_billing");
        RecordedRequest put = zendesk.recorded().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        JsonNode update = JSON.readTree(put.body()).path("ticket");
        assertThat(update.path("safe_update").asBoolean()).isTrue();
        assertThat(update.path("updated_stamp").asText()).isEqualTo("2026-03-02T09:14:00Z");
        List<Message> replies = Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE);
        assertThat(replies).singleElement().satisfies(m -> {
            JsonNode request = read(m.body());
            assertThat(request.path("version").asInt()).isEqualTo(1);
            assertThat(request.path("requestId").asText()).isEqualTo("zendesk:35501");
            assertThat(request.path("itemId").asText()).isEqualTo("35501");
            assertThat(request.path("language").asText()).isEqualTo("en");
            assertThat(request.path("intent").asText()).isEqualTo("subscription_billing");
            assertThat(m.messageAttributes().get("requestId").stringValue()).isEqualTo("zendesk:35501");
        });
    }

    @Test
    void a_how_to_question_from_a_vip_organization_goes_to_the_vip_group_and_not_to_auto_reply() {
        // 35506's requester belongs to organization 9100000000900: tagged "enterprise" in Zendesk and on the VIP list
        String body = TestEvents.body("webhook-trigger-subscription-cancel").replace("\"35501\"", "\"35506\"");

        JsonPath response = invoke(record("msg-vip", body));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        JsonNode ticket = zendesk.ticket(35506);
        assertThat(ticket.path("group_id").asLong()).isEqualTo(VIP_GROUP);
        assertThat(tags(ticket)).contains("hearken_priority", "hearken_vip", "vip");
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).isEmpty();
    }

    @Test
    void the_same_delivery_twice_updates_the_ticket_once_and_requests_one_reply() {
        String event = record("msg-cancel", TestEvents.body("webhook-trigger-subscription-cancel"));

        invoke(event);
        invoke(event);

        assertThat(zendesk.updatesOf(35501)).hasSize(1);
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).hasSize(1);
    }

    @Test
    void a_conflicting_agent_edit_makes_the_worker_re_read_and_re_apply_without_losing_the_agents_tag() {
        zendesk.agentEditsBeforeNextUpdate(35502, "agent_touched");

        JsonPath response = invoke(record("msg-login", TestEvents.body("webhook-event-ticket-created")));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.recorded()).filteredOn(r -> r.method().equals("PUT")).extracting(RecordedRequest::status)
                .containsExactly(409, 200);
        assertThat(tags(zendesk.ticket(35502))).contains("agent_touched", "hearken_classified", "ios", "login");
    }

    @Test
    void a_rate_limit_storm_longer_than_the_five_receives_never_reaches_the_dlq_and_the_ticket_is_routed_when_it_ends() {
        // given: a real message on the tickets queue, and Zendesk answering 429 (Retry-After 1 s) seven times in a row
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.TICKETS_QUEUE);
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE + "-dlq");
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody(TestEvents.body("webhook-event-ticket-created")));
        zendesk.inject(Fault.rateLimited("/api/v2/tickets/35502", 7, 1));

        // when: the queue is polled as the event source mapping does, deleting the records that succeeded
        int receives = 0;
        for (int round = 0; round < 15 && zendesk.updatesOf(35502).isEmpty(); round++) {
            for (Message m : receiveAll(url, 3)) {
                receives++;
                assertThat(m.attributesAsStrings().get("ApproximateReceiveCount")).as("every copy is a first receive")
                        .isEqualTo("1");
                assertThat(invoke(TestEvents.sqsEvent(m)).getList("batchItemFailures")).as("waiting is not failing")
                        .isEmpty();
                Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }

        // then: eight receives (seven waits), routed once, nothing dead-lettered
        assertThat(receives).isEqualTo(8);
        assertThat(zendesk.updatesOf(35502)).singleElement().satisfies(u ->
                assertThat(tags(u.path("ticket"))).contains("hearken_classified"));
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE + "-dlq")).isEmpty();
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
    }

    @Test
    void a_ticket_that_waited_longer_than_the_bound_is_tagged_and_moved_to_the_general_group_for_people() {
        // given: a delivery first queued 25 hours ago, and one more 429
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.TICKETS_QUEUE);
        String since = java.time.Instant.now().minus(java.time.Duration.ofHours(25)).toString();
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody(TestEvents.body("webhook-event-ticket-created"))
                .messageAttributes(Map.of(SqsRedelivery.WAITING_SINCE, MessageAttributeValue.builder().dataType("String")
                        .stringValue(since).build(), SqsRedelivery.ATTEMPTS, MessageAttributeValue.builder()
                        .dataType("Number").stringValue("96").build())));
        Message m = receiveAll(url, 1).get(0);
        zendesk.inject(Fault.rateLimited("/api/v2/tickets/35502", 1, 60));

        // when
        JsonPath response = invoke(TestEvents.sqsEvent(m));

        // then: the record succeeded, the ticket is with people, the decision says why, nothing waits any more
        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35502)).singleElement().satisfies(u -> {
            assertThat(tags(u.path("ticket"))).contains(ClassificationService.WAITING_TAG).doesNotContain("hearken_classified");
            assertThat(u.path("ticket").path("group_id").asLong()).isEqualTo(GENERAL_GROUP);
        });
        assertThat(reasons(onlyDecision(35502))).singleElement().asString()
                .startsWith("waiting: rate limited by Zendesk 96 times since " + since);
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE)).isEmpty();
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE + "-dlq")).isEmpty();
    }

    @Test
    void two_trigger_updates_of_a_ticket_in_the_same_minute_are_both_handled_and_a_redelivery_is_not() {
        // given: the trigger sample, and a second update one minute-precision timestamp later with a new tag
        String first = TestEvents.body("webhook-trigger-subscription-cancel");
        String second = first.replace("\"tags\": \"billing premium_monthly web_form\"",
                "\"tags\": \"billing premium_monthly web_form refund_asked\"");

        // when
        assertThat(invoke(record("msg-trigger-1", first)).getList("batchItemFailures")).isEmpty();
        assertThat(invoke(record("msg-trigger-2", second)).getList("batchItemFailures")).isEmpty();
        assertThat(invoke(record("msg-trigger-1-again", first)).getList("batchItemFailures")).isEmpty();

        // then: two decisions (the second update was read, not merged into the first), none for the redelivery
        List<String> keys = Queues.decisions(35501).stream().map(i -> i.get("eventKey").s())
                .filter(k -> !k.equals("auto-reply")).toList();
        assertThat(keys).hasSize(2).allMatch(k -> k.startsWith("trigger@2026-03-02T09:14Z#"));
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).as("one reply request per ticket").hasSize(1);
    }

    @Test
    void a_signed_sample_flows_through_the_ingress_the_tickets_queue_and_the_worker_to_the_zendesk_update_and_the_reply() {
        // given: the webhook service accepts the re-signed sample and puts it on the real tickets queue
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.TICKETS_QUEUE);
        JsonNode http = read(TestEvents.resigned("webhook-trigger-subscription-cancel"));
        var accepted = ingress.accept(http.path("headers").path("x-zendesk-webhook-signature-timestamp").asText(),
                http.path("headers").path("x-zendesk-webhook-signature").asText(), http.path("body").asText());
        assertThat(accepted).isInstanceOf(dev.hearken.ticket.webhook.WebhookIngress.Result.Accepted.class);
        Message queued = Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages().get(0);

        // when: the worker gets that message as the event source mapping would deliver it
        JsonPath response = invoke(TestEvents.sqsEvent(queued.messageId(), queued.receiptHandle(), queued.body()));

        // then: Zendesk recorded the routed update, and auto-reply has its request
        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35501)).singleElement().satisfies(u ->
                assertThat(u.path("ticket").path("group_id").asLong()).isEqualTo(BILLING_GROUP));
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).singleElement()
                .satisfies(m -> assertThat(read(m.body()).path("requestId").asText()).isEqualTo("zendesk:35501"));
    }

    @Test
    void a_zendesk_server_error_fails_only_that_record_and_writes_nothing_so_the_retry_starts_clean() {
        zendesk.inject(Fault.status("/api/v2/tickets/35502", 1, 503, "{\"error\":\"ServiceUnavailable\"}"));

        JsonPath response = invoke(Events.load("ticket-classify", "sqs-batch-ok"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-ticket-ok-2");
        assertThat(zendesk.updatesOf(35501)).hasSize(1);
        assertThat(zendesk.updatesOf(35502)).isEmpty();
        assertThat(Queues.decisions(35502)).isEmpty();

        // the redelivery succeeds
        assertThat(invoke(Events.load("ticket-classify", "sqs-batch-ok")).getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35502)).hasSize(1);
        assertThat(zendesk.updatesOf(35501)).as("35501 was done: not updated again").hasSize(1);
    }

    @Test
    void a_poison_message_fails_four_receives_and_the_fifth_moves_it_to_the_dlq_with_its_reason() {
        String url = TicketClassifyResource.queueUrl(TicketClassifyResource.TICKETS_QUEUE);
        Queues.drain(TicketClassifyResource.TICKETS_QUEUE + "-dlq");
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"ticket_id\":\"35599\",\"subj"));

        int failures = 0;
        int settled = 0;
        for (int receive = 1; receive <= 6; receive++) {
            // visibility 0: the message is back at once, as after a failed invocation's timeout
            List<Message> got = Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (got.isEmpty()) {
                break;
            }
            Message m = got.get(0);
            List<Object> failed = invoke(TestEvents.sqsEvent(m)).getList("batchItemFailures.itemIdentifier");
            if (failed.isEmpty()) {
                settled++; // Lambda deletes a record that succeeded
                Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            } else {
                assertThat(failed).containsExactly(m.messageId());
                failures++;
            }
        }

        assertThat(failures).isEqualTo(4);
        assertThat(settled).as("the fifth receive").isEqualTo(1);
        assertThat(Queues.drain(TicketClassifyResource.TICKETS_QUEUE + "-dlq")).singleElement().satisfies(m -> {
            assertThat(m.body()).startsWith("{\"ticket_id\":\"35599\"");
            assertThat(m.messageAttributes().get(SqsRedelivery.REASON).stringValue())
                    .isEqualTo("InvalidPayloadException: body is not valid JSON");
        });
    }

    @Test
    void a_privacy_follow_up_on_a_how_to_ticket_handed_to_auto_reply_goes_to_the_privacy_group_tagged_priority() {
        // given: 35507's creation, routed to how-to and handed to auto-reply
        invoke(record("msg-35507-created", TestEvents.body("webhook-event-ticket-created").replace("35502", "35507")));
        assertThat(zendesk.ticket(35507).path("group_id").asLong()).isEqualTo(HOW_TO_GROUP);
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).hasSize(1);

        // when: the requester's follow-up "Please delete my account and all my personal data under GDPR."
        JsonPath response = invoke(record("msg-follow-up", TestEvents.body("webhook-event-comment-added-privacy")));

        // then
        assertThat(response.getList("batchItemFailures")).isEmpty();
        JsonNode ticket = zendesk.ticket(35507);
        assertThat(ticket.path("group_id").asLong()).isEqualTo(PRIVACY_GROUP);
        assertThat(ticket.path("priority").asText()).isEqualTo("high");
        // hearken_priority: auto-reply's guardrail skips the pending reply
        assertThat(tags(ticket)).contains("hearken_priority", "hearken_privacy", "privacy_request", "how_to", "web_form");
        assertThat(Queues.drain(TicketClassifyResource.AUTO_REPLY_QUEUE)).isEmpty();
        Map<String, AttributeValue> decision = decision(35507, FOLLOW_UP_EVENT);
        assertThat(decision.get("stage").s()).isEqualTo("DONE");
        assertThat(decision.get("flags").l()).extracting(AttributeValue::s).containsExactly("privacy");
        assertThat(decision.get("groupId").n()).isEqualTo(Long.toString(PRIVACY_GROUP));
        assertThat(decision.get("replyReason").s()).contains("pending automatic reply is cancelled");
        assertThat(zendesk.recorded()).filteredOn(r -> r.path().startsWith("/api/v2/tickets/35507/comments"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(zendesk.schemaViolations()).isEmpty();

        // and the same delivery again changes nothing more
        int updates = zendesk.updatesOf(35507).size();
        invoke(record("msg-follow-up-again", TestEvents.body("webhook-event-comment-added-privacy")));
        assertThat(zendesk.updatesOf(35507)).hasSize(updates);
    }

    @Test
    void a_korean_follow_up_is_read_from_zendesk_analysed_as_korean_and_logged() {
        zendesk.addComment(35507, REQUESTER_35507, KOREAN_PRIVACY, true);

        JsonPath response = invoke(record("msg-ko", commentAdded("evt-ko", newestCommentId(35507))));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        Map<String, AttributeValue> decision = decision(35507, "evt-ko");
        assertThat(decision.get("language").s()).isEqualTo("ko");
        assertThat(decision.get("stage").s()).isEqualTo("DONE");
    }

    /** A follow-up in Korean, read by the real understanding library: the golden rule in every language. */
    @Test
    void a_korean_privacy_follow_up_goes_to_the_privacy_group() {
        zendesk.addComment(35507, REQUESTER_35507, KOREAN_PRIVACY, true);

        invoke(record("msg-ko", commentAdded("evt-ko", newestCommentId(35507))));

        assertThat(zendesk.ticket(35507).path("group_id").asLong()).isEqualTo(PRIVACY_GROUP);
        assertThat(tags(zendesk.ticket(35507))).contains("hearken_priority", "hearken_privacy");
    }

    @Test
    void an_agents_comment_and_hearkens_own_comment_are_ignored_with_their_reasons() {
        zendesk.addComment(35507, AGENT, "We will delete your account and all your personal data under GDPR.", true);
        long agentComment = newestCommentId(35507);
        zendesk.addComment(35507, ZendeskFake.API_USER_ID, "Hello! Reply to this message and a person will answer.", true);
        long ownComment = newestCommentId(35507);

        JsonPath response = invoke(record("msg-agent", commentAdded("evt-agent-comment", agentComment)));
        invoke(record("msg-own", commentAdded("evt-own-comment", ownComment)));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35507)).isEmpty();
        assertThat(reasons(decision(35507, "evt-agent-comment"))).anyMatch(r -> r.contains("ignored, written by an agent"));
        assertThat(reasons(decision(35507, "evt-own-comment"))).anyMatch(r -> r.contains("ignored, written by Hearken itself"));
    }

    @Test
    void a_follow_up_without_a_priority_signal_changes_nothing_and_the_decision_says_why() {
        zendesk.addComment(35507, REQUESTER_35507, "Thanks, I found it in the settings!", true);

        JsonPath response = invoke(record("msg-thanks", commentAdded("evt-thanks", newestCommentId(35507))));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(zendesk.updatesOf(35507)).isEmpty();
        assertThat(zendesk.ticket(35507).path("group_id").asLong()).isEqualTo(HOW_TO_GROUP);
        assertThat(reasons(decision(35507, "evt-thanks"))).contains("follow-up: no priority signal: routing unchanged");
    }

    @Test
    void a_comment_event_naming_a_comment_zendesk_does_not_list_fails_its_record() {
        JsonPath response = invoke(record("msg-no-comment", commentAdded("evt-no-comment", 42999999999L)));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-no-comment");
        assertThat(zendesk.updatesOf(35507)).isEmpty();
    }

    /**
     * Benchmark, not a check (run with {@code -Dhearken.bench=true}): tickets per second one function
     * instance handles when every Zendesk call takes 50 ms — three calls per ticket (ticket, requester,
     * update), the understanding models, DynamoDB and SQS in the emulator.
     */
    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "hearken.bench", matches = "true")
    void benchmark_worker_throughput_per_instance_with_a_50_ms_zendesk() {
        int n = Integer.getInteger("hearken.bench.tickets", 60);
        for (int i = 0; i < n; i++) {
            zendesk.putTicket(((com.fasterxml.jackson.databind.node.ObjectNode) zendesk.ticket(35501)).put("id", 60000 + i).toString());
        }
        zendesk.inject(Fault.slow("/api/v2/", Integer.MAX_VALUE, java.time.Duration.ofMillis(50)));
        String body = TestEvents.body("webhook-trigger-subscription-cancel");
        for (int i = 0; i < 5; i++) { // warm-up: JIT, connection pools
            invoke(record("warm-" + i, body.replace("\"35501\"", "\"" + (60000 + i) + "\"")));
        }
        long start = System.nanoTime();
        for (int i = 5; i < n; i++) {
            JsonPath r = invoke(record("bench-" + i, body.replace("\"35501\"", "\"" + (60000 + i) + "\"")));
            assertThat(r.getList("batchItemFailures")).isEmpty();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH worker: %d tickets in %.2f s = %.2f tickets/s per instance (Zendesk latency 50 ms)%n",
                n - 5, seconds, (n - 5) / seconds);
        zendesk.reset();
    }

    private static List<Message> receiveAll(String url, int waitSeconds) {
        return Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(10).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private static String record(String messageId, String body) {
        return TestEvents.sqsEvent(messageId, "AQEB-fake-receipt-handle-" + messageId, body);
    }

    /** The comment-added sample's body naming another comment, under another event id. */
    private static String commentAdded(String eventId, long commentId) {
        return TestEvents.body("webhook-event-comment-added-privacy")
                .replace("\"id\":\"42000000001\"", "\"id\":\"" + commentId + "\"")
                .replace(FOLLOW_UP_EVENT, eventId);
    }

    private long newestCommentId(long ticketId) {
        List<JsonNode> comments = zendesk.commentsOf(ticketId);
        return comments.get(comments.size() - 1).path("id").asLong();
    }

    private static Map<String, AttributeValue> decision(long ticketId, String eventKey) {
        return Queues.decisions(ticketId).stream().filter(i -> i.get("eventKey").s().equals(eventKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + ticketId + "/" + eventKey));
    }

    private static List<String> reasons(Map<String, AttributeValue> decision) {
        return decision.get("reasons").l().stream().map(AttributeValue::s).toList();
    }

    private static Map<String, AttributeValue> onlyDecision(long ticketId) {
        List<Map<String, AttributeValue>> items = Queues.decisions(ticketId).stream()
                .filter(i -> !i.get("eventKey").s().equals("auto-reply")).toList();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> tags(JsonNode ticket) {
        return JSON.convertValue(ticket.path("tags"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
