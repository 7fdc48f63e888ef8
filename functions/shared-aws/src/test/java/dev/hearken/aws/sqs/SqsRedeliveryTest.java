package dev.hearken.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.config.WaitingSettings;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.testing.MutableClock;
import dev.hearken.testing.aws.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@link SqsRedelivery} and {@link SqsRecordHandler} against the emulator's SQS: waiting is not failing. */
class SqsRedeliveryTest {

    private static SqsClient sqs;

    @BeforeAll
    static void emulator() {
        sqs = Emulator.shared().sqs();
    }

    /** A queue whose redrive policy moves a message to its DLQ after five receives, as the stack's queues do. */
    private record Queue(String url, String dlq) {
    }

    private static Queue queue() {
        String name = "hearken-wait-" + UUID.randomUUID();
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();
        return new Queue(url, dlq);
    }

    static WaitingSettings settings(Duration maxAge) {
        return new WaitingSettings() {
            @Override
            public Duration maxAge() {
                return maxAge;
            }

            @Override
            public Duration minDelay() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxReceives() {
                return 5;
            }
        };
    }

    private static SqsRedelivery redelivery(Queue q, Clock clock) {
        return new SqsRedelivery(sqs, q::url, q::dlq, settings(Duration.ofHours(24)), clock);
    }

    /** Receives one message as the event source mapping hands it over: system and message attributes included. */
    private static List<SQSEvent.SQSMessage> receive(String url, int waitSeconds) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(waitSeconds).visibilityTimeout(60)
                .maxNumberOfMessages(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages()) {
            records.add(record(m));
        }
        return records;
    }

    private static SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(m.messageId());
        record.setReceiptHandle(m.receiptHandle());
        record.setBody(m.body());
        Map<String, String> attributes = new HashMap<>();
        m.attributesAsStrings().forEach(attributes::put);
        record.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> values = new HashMap<>();
        m.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
            a.setDataType(value.dataType());
            a.setStringValue(value.stringValue());
            values.put(name, a);
        });
        record.setMessageAttributes(values);
        return record;
    }

    /** What Lambda does with a record that succeeded. */
    private static void delete(String url, SQSEvent.SQSMessage record) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(record.getReceiptHandle()));
    }

    private static String attribute(SQSEvent.SQSMessage m, String name) {
        return m.getMessageAttributes().get(name) == null ? null : m.getMessageAttributes().get(name).getStringValue();
    }

    private static SqsRecordHandler<Long, String> handler(SqsRedelivery redelivery, Function<Long, String> service,
            List<Long> people) {
        return new SqsRecordHandler<>("ticket", redelivery, Long::parseLong, service, (id, outcome) -> "ticket " + id,
                people == null ? null : (id, wait) -> people.add(id));
    }

    private static SQSEvent.SQSMessage inMemory(String body, Map<String, String> systemAttributes,
            Map<String, String> messageAttributes) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m-" + UUID.randomUUID());
        m.setBody(body);
        m.setAttributes(systemAttributes);
        Map<String, SQSEvent.MessageAttribute> values = new HashMap<>();
        messageAttributes.forEach((name, value) -> {
            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
            a.setDataType("String");
            a.setStringValue(value);
            values.put(name, a);
        });
        m.setMessageAttributes(values);
        return m;
    }

    @Test
    void a_rate_limited_record_succeeds_and_comes_back_as_a_delayed_copy_that_counts_its_waits() {
        // given: a message with an attribute of its producer, received, and a service rate limited for a second
        Queue q = queue();
        sqs.sendMessage(b -> b.queueUrl(q.url()).messageBody("35501").messageAttributes(Map.of("eventKind",
                MessageAttributeValue.builder().dataType("String").stringValue("trigger").build())));
        SQSEvent.SQSMessage first = receive(q.url(), 1).get(0);
        SqsRecordHandler<Long, String> handler = handler(redelivery(q, Clock.systemUTC()), id -> {
            throw new RateLimitedException("zendesk", Duration.ofSeconds(1));
        }, List.of());

        // when: the record is handled — it does not throw, so Funqy reports no failure and Lambda deletes it
        assertThat(handler.handle(first)).isNull();

        // then: a copy arrives, received for the first time, with the producer's attribute and the wait counted
        SQSEvent.SQSMessage copy = receive(q.url(), 5).get(0);
        assertThat(copy.getMessageId()).isNotEqualTo(first.getMessageId());
        assertThat(copy.getBody()).isEqualTo("35501");
        assertThat(copy.getAttributes().get("ApproximateReceiveCount")).isEqualTo("1");
        assertThat(attribute(copy, "eventKind")).isEqualTo("trigger");
        assertThat(attribute(copy, SqsRedelivery.ATTEMPTS)).isEqualTo("1");
        assertThat(Instant.parse(attribute(copy, SqsRedelivery.WAITING_SINCE)))
                .isEqualTo(Instant.ofEpochMilli(Long.parseLong(first.getAttributes().get("SentTimestamp"))));
        assertThat(attribute(copy, SqsRedelivery.DUE)).as("a wait under 15 minutes is one SQS delay").isNull();
    }

    @Test
    void a_rate_limit_storm_longer_than_the_five_receives_never_reaches_the_dlq_and_the_work_runs_when_it_ends() {
        // given: a service rate limited seven times in a row, then answering
        Queue q = queue();
        sqs.sendMessage(b -> b.queueUrl(q.url()).messageBody("35502"));
        AtomicInteger calls = new AtomicInteger();
        SqsRecordHandler<Long, String> handler = handler(redelivery(q, Clock.systemUTC()), id -> {
            if (calls.incrementAndGet() <= 7) {
                throw new RateLimitedException("zendesk", Duration.ZERO);
            }
            return "routed " + id;
        }, List.of());

        // when: the queue is polled as the event source mapping would, deleting what succeeded
        List<String> outcomes = new ArrayList<>();
        int waits = 0;
        for (int receive = 0; receive < 12 && outcomes.isEmpty(); receive++) {
            for (SQSEvent.SQSMessage record : receive(q.url(), 3)) {
                String outcome = handler.handle(record);
                delete(q.url(), record);
                if (outcome == null) {
                    waits++;
                    assertThat(record.getAttributes().get("ApproximateReceiveCount")).isEqualTo("1");
                } else {
                    outcomes.add(outcome);
                }
            }
        }

        // then: eight receives, the work done once, nothing dead-lettered
        assertThat(waits).isEqualTo(7);
        assertThat(outcomes).containsExactly("routed 35502");
        assertThat(receive(q.dlq(), 0)).isEmpty();
    }

    @Test
    void a_wait_that_would_end_after_the_bound_hands_the_item_to_a_person_and_sends_nothing() {
        // given: a message that has waited almost a day, and a five-minute Retry-After
        Queue q = queue();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
        SQSEvent.SQSMessage old = inMemory("35503", Map.of("ApproximateReceiveCount", "1"),
                Map.of(SqsRedelivery.WAITING_SINCE, "2026-03-02T09:01:00Z", SqsRedelivery.ATTEMPTS, "240"));
        List<Long> people = new ArrayList<>();
        SqsRecordHandler<Long, String> handler = handler(redelivery(q, clock), id -> {
            throw new RateLimitedException("zendesk", Duration.ofMinutes(5));
        }, people);

        // when
        assertThat(handler.handle(old)).isNull();

        // then
        assertThat(people).containsExactly(35503L);
        assertThat(receive(q.url(), 0)).isEmpty();
        assertThat(receive(q.dlq(), 0)).isEmpty();
    }

    @Test
    void an_item_that_waited_too_long_without_a_person_route_goes_to_the_dlq_with_the_reason() {
        Queue q = queue();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
        SQSEvent.SQSMessage old = inMemory("35504", Map.of(), Map.of(SqsRedelivery.WAITING_SINCE, "2026-03-02T08:00:00Z"));
        SqsRecordHandler<Long, String> handler = handler(redelivery(q, clock), id -> {
            throw new RateLimitedException("zendesk", Duration.ofSeconds(30));
        }, null);

        assertThat(handler.handle(old)).isNull();

        SQSEvent.SQSMessage dead = receive(q.dlq(), 1).get(0);
        assertThat(dead.getBody()).isEqualTo("35504");
        assertThat(attribute(dead, SqsRedelivery.REASON))
                .startsWith(SqsRecordHandler.WAITED_TOO_LONG + ": zendesk, waiting since 2026-03-02T08:00:00Z");
        assertThat(attribute(dead, SqsRedelivery.SOURCE_MESSAGE_ID)).isEqualTo(old.getMessageId());
    }

    @Test
    void when_handing_to_a_person_fails_the_item_goes_to_the_dlq_with_both_reasons() {
        Queue q = queue();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
        SQSEvent.SQSMessage old = inMemory("35505", Map.of(), Map.of(SqsRedelivery.WAITING_SINCE, "2026-03-02T08:00:00Z"));
        SqsRecordHandler<Long, String> handler = new SqsRecordHandler<>("ticket", redelivery(q, clock), Long::parseLong,
                id -> {
                    throw new RateLimitedException("zendesk", Duration.ofSeconds(30));
                }, (id, o) -> o, (id, wait) -> {
                    throw new RateLimitedException("zendesk", Duration.ofSeconds(30));
                });

        assertThat(handler.handle(old)).isNull();

        assertThat(attribute(receive(q.dlq(), 1).get(0), SqsRedelivery.REASON))
                .contains("waited_too_long").endsWith("handing it to a person failed: RateLimitedException");
    }

    @Test
    void a_wait_over_fifteen_minutes_is_chained_and_a_copy_received_before_it_is_due_is_passed_on_without_the_work() {
        // given: a forty-minute Retry-After
        Queue q = queue();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
        SqsRedelivery redelivery = redelivery(q, clock);
        SQSEvent.SQSMessage fresh = inMemory("35506", Map.of("SentTimestamp",
                Long.toString(Instant.parse("2026-03-03T08:59:00Z").toEpochMilli())), Map.of());

        // when
        SqsRedelivery.Later later = redelivery.later(fresh, Duration.ofMinutes(40));

        // then: one copy, delayed (SQS's 15 minutes), nothing visible
        assertThat(later.expired()).isFalse();
        assertThat(later.waited()).isEqualTo(new SqsRedelivery.Wait(1, Instant.parse("2026-03-03T08:59:00Z")));
        assertThat(delayed(q.url())).isEqualTo(1);
        assertThat(receive(q.url(), 0)).isEmpty();

        // and: that copy, received after 15 minutes, is passed on for the 25 minutes left and the work does not run
        clock.advance(Duration.ofMinutes(15));
        AtomicInteger calls = new AtomicInteger();
        SqsRecordHandler<Long, String> handler = handler(redelivery, id -> "routed " + calls.incrementAndGet(), null);
        SQSEvent.SQSMessage early = inMemory("35506", Map.of(), Map.of(SqsRedelivery.DUE, "2026-03-03T09:40:00Z",
                SqsRedelivery.ATTEMPTS, "1", SqsRedelivery.WAITING_SINCE, "2026-03-03T08:59:00Z"));
        assertThat(handler.handle(early)).isNull();
        assertThat(calls).hasValue(0);
        assertThat(delayed(q.url())).isEqualTo(2);

        // and: received when due, it runs
        clock.advance(Duration.ofMinutes(25));
        assertThat(handler.handle(early)).isEqualTo("routed 1");
    }

    @Test
    void a_record_failing_on_its_last_receive_goes_to_the_dlq_with_its_reason_and_earlier_receives_fail() {
        Queue q = queue();
        SqsRecordHandler<Long, String> handler = handler(redelivery(q, Clock.systemUTC()), id -> "routed " + id, null);

        assertThatThrownBy(() -> handler.handle(inMemory("not a ticket", Map.of("ApproximateReceiveCount", "4"), Map.of())))
                .isInstanceOf(NumberFormatException.class);
        assertThat(receive(q.dlq(), 0)).isEmpty();

        assertThat(handler.handle(inMemory("not a ticket", Map.of("ApproximateReceiveCount", "5"), Map.of()))).isNull();
        SQSEvent.SQSMessage dead = receive(q.dlq(), 1).get(0);
        assertThat(dead.getBody()).isEqualTo("not a ticket");
        assertThat(attribute(dead, SqsRedelivery.REASON)).startsWith("NumberFormatException: ");
    }

    @Test
    void a_handled_record_returns_the_outcome_and_a_body_that_does_not_parse_fails_the_record() {
        SqsRecordHandler<Long, String> handler = handler(new SqsRedelivery(sqs, () -> null, () -> null,
                settings(Duration.ofHours(24)), Clock.systemUTC()), id -> "routed " + id, null);

        assertThat(handler.handle(inMemory("35501", Map.of(), Map.of()))).isEqualTo("routed 35501");
        assertThatThrownBy(() -> handler.handle(inMemory("not a number", Map.of("ApproximateReceiveCount", "5"), Map.of())))
                .as("no DLQ configured: the redrive policy moves it").isInstanceOf(NumberFormatException.class);
    }

    private static int delayed(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }
}
