package dev.hearken.infra.constructs;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.infra.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@link WorkerQueue} in a test-only stack, since Hearken's stack has no worker yet: a dummy consumer
 * with a 20 s timeout, and a dummy producer.
 */
class WorkerQueueTest {

    private static final String QUEUE = "AWS::SQS::Queue";
    private static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(20);

    private static Template template;

    @BeforeAll
    static void synthesiseATestStackWithOneWorkerQueue() {
        Stack stack = new Stack(Templates.app(Map.of()), "WorkerQueueTestStack");
        HearkenFunction consumer = new HearkenFunction(stack, "Consumer", HearkenFunctionProps.builder("dummy-worker")
                .export("work")
                .timeout(CONSUMER_TIMEOUT)
                .build());
        HearkenFunction producer = new HearkenFunction(stack, "Producer", HearkenFunctionProps.builder("dummy-producer")
                .module("functions/dummy-worker")
                .export("produce")
                .build());
        WorkerQueue queue = new WorkerQueue(stack, "Work", WorkerQueueProps.builder("work", CONSUMER_TIMEOUT)
                .maxReceiveCount(7)
                .build());
        queue.consumer(consumer, ConsumerOptions.builder()
                        .batchSize(25)
                        .maxBatchingWindow(Duration.ofSeconds(2))
                        .maxConcurrency(4)
                        .build())
                .grantSend(producer);
        template = Template.fromStack(stack);
    }

    @Test
    void the_queue_and_its_dlq_have_literal_physical_names() {
        template.resourceCountIs(QUEUE, 2);
        template.hasResourceProperties(QUEUE, Map.of("QueueName", "hearken-work"));
        template.hasResourceProperties(QUEUE, Map.of("QueueName", "hearken-work-dlq"));
    }

    @Test
    void both_queues_are_encrypted_with_sqs_managed_keys() {
        template.allResourcesProperties(QUEUE, Map.of("SqsManagedSseEnabled", true));
    }

    @Test
    void both_queues_refuse_requests_without_tls() {
        template.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.allResourcesProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))));
    }

    @Test
    void failed_messages_move_to_the_dlq_after_at_least_five_receives() {
        Capture maxReceiveCount = new Capture();
        template.hasResourceProperties(QUEUE, Map.of(
                "QueueName", "hearken-work",
                "RedrivePolicy", Map.of(
                        "deadLetterTargetArn", arnOf(queueId("hearken-work-dlq")),
                        "maxReceiveCount", maxReceiveCount)));

        assertThat(maxReceiveCount.asNumber().intValue()).isEqualTo(7).isGreaterThanOrEqualTo(5);
    }

    @Test
    void the_dlq_keeps_messages_for_fourteen_days() {
        template.hasResourceProperties(QUEUE, Map.of(
                "QueueName", "hearken-work-dlq", "MessageRetentionPeriod", 14 * 24 * 3600));
    }

    @Test
    void the_visibility_timeout_is_at_least_six_times_the_consumer_timeout() {
        Capture visibility = new Capture();
        Capture timeout = new Capture();
        template.hasResourceProperties(QUEUE, Map.of("QueueName", "hearken-work", "VisibilityTimeout", visibility));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "hearken-dummy-worker", "Timeout", timeout));

        assertThat(visibility.asNumber().intValue()).isEqualTo(120)
                .isGreaterThanOrEqualTo(6 * timeout.asNumber().intValue());
    }

    @Test
    void the_consumer_polls_with_partial_batch_responses_batching_and_bounded_concurrency() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", arnOf(queueId("hearken-work")),
                "FunctionName", Map.of("Ref", functionId("hearken-dummy-worker")),
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "BatchSize", 25,
                "MaximumBatchingWindowInSeconds", 2,
                "ScalingConfig", Map.of("MaximumConcurrency", 4)));
    }

    @Test
    void the_consumer_may_only_consume_from_its_queue() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", Match.arrayWith(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage")),
                        "Resource", arnOf(queueId("hearken-work")))))))));
    }

    @Test
    void a_producer_may_send_to_the_queue_and_gets_its_url() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", Match.arrayWith(List.of("sqs:SendMessage")),
                        "Resource", arnOf(queueId("hearken-work")))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "hearken-dummy-producer",
                "Environment", Map.of("Variables", Map.of(
                        "HEARKEN_QUEUES_WORK", Map.of("Ref", queueId("hearken-work"))))));
    }

    @Test
    void any_dead_lettered_message_raises_an_alarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "hearken-work-dlq-not-empty",
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(queueId("hearken-work-dlq"), "QueueName")))),
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0));
    }

    @Test
    void a_message_waiting_too_long_raises_an_alarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "hearken-work-oldest-message-age",
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateAgeOfOldestMessage",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(queueId("hearken-work"), "QueueName")))),
                "Threshold", 900));
    }

    @Test
    void a_consumer_slower_than_the_queue_was_sized_for_is_rejected() {
        Stack stack = new Stack(Templates.app(Map.of()), "SlowConsumerStack");
        WorkerQueue queue = new WorkerQueue(stack, "Work", WorkerQueueProps.builder("work", Duration.ofSeconds(10)).build());
        HearkenFunction slow = new HearkenFunction(stack, "Slow", HearkenFunctionProps.builder("slow")
                .export("work")
                .timeout(Duration.ofSeconds(11))
                .build());

        assertThatThrownBy(() -> queue.consumer(slow, ConsumerOptions.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("six times slow's timeout");
    }

    @Test
    void fewer_than_five_receives_before_dead_lettering_is_rejected() {
        assertThatThrownBy(() -> WorkerQueueProps.builder("work", CONSUMER_TIMEOUT).maxReceiveCount(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 5");
    }

    @Test
    void a_batch_larger_than_ten_without_a_batching_window_is_rejected() {
        assertThatThrownBy(() -> ConsumerOptions.builder().batchSize(11).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String queueId(String name) {
        return Templates.logicalId(template, QUEUE, "QueueName", name);
    }

    private static String functionId(String name) {
        return Templates.logicalId(template, "AWS::Lambda::Function", "FunctionName", name);
    }
}
