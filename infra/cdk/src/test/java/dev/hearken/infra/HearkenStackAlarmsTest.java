package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms reach someone, queues keep their data, public routes take a burst (#16 item 5, #18 item 5). */
class HearkenStackAlarmsTest {

    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final int FOURTEEN_DAYS = 1_209_600;

    private final Template template = Templates.hearken();

    @Test
    void there_is_one_alarm_topic_named_after_the_prefix_and_no_subscription_unless_an_address_is_configured() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "hearken-alarms"));
        template.resourceCountIs("AWS::SNS::Subscription", 1); // the mail-feedback queue's, not the alarms'
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs"));
        template.hasOutput("AlarmTopicArn", Map.of("Value", Map.of("Ref", topic(template))));
    }

    @Test
    void an_alarm_email_subscribes_that_address_to_the_alarm_topic() {
        Template configured = Template.fromStack(HearkenApp.define(Templates.app(
                Map.of(HearkenSettings.ALARM_EMAIL, "oncall@acme.example"))));

        configured.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "oncall@acme.example", "TopicArn", Map.of("Ref", topic(configured))));
    }

    @Test
    void every_alarm_in_the_stack_notifies_the_alarm_topic_when_it_fires_and_when_it_recovers() {
        Map<String, Map<String, Object>> alarms = template.findResources(ALARM);
        Object topic = List.of(Map.of("Ref", topic(template)));

        assertThat(alarms).hasSizeGreaterThan(40);
        assertThat(alarms).allSatisfy((id, alarm) -> {
            assertThat(properties(alarm)).as(id).containsEntry("AlarmActions", topic).containsEntry("OKActions", topic);
        });
    }

    @Test
    void every_queue_and_every_dead_letter_queue_keeps_messages_fourteen_days() {
        Map<String, Map<String, Object>> queues = template.findResources(QUEUE);

        assertThat(queues).hasSizeGreaterThan(10);
        assertThat(queues).allSatisfy((id, queue) ->
                assertThat(properties(queue)).as(id).containsEntry("MessageRetentionPeriod", FOURTEEN_DAYS));
    }

    @Test
    void every_dead_letter_queue_alarms_on_its_first_message_and_on_a_message_left_there_three_days() {
        Map<String, Map<String, Object>> queues = template.findResources(QUEUE);
        List<String> deadLetterQueues = queues.entrySet().stream()
                .filter(q -> ((String) properties(q.getValue()).get("QueueName")).endsWith("-dlq"))
                .map(Map.Entry::getKey).toList();

        assertThat(deadLetterQueues).hasSize(8).contains(Templates.queue("hearken-push-deferrals-dlq"));
        for (String dlq : deadLetterQueues) {
            List<Map<String, Object>> dimensions = List.of(Map.of("Name", "QueueName",
                    "Value", Map.of("Fn::GetAtt", List.of(dlq, "QueueName"))));
            template.hasResourceProperties(ALARM, Map.of("MetricName", "ApproximateNumberOfMessagesVisible",
                    "Dimensions", dimensions, "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold"));
            template.hasResourceProperties(ALARM, Map.of("MetricName", "ApproximateAgeOfOldestMessage",
                    "Dimensions", dimensions, "Threshold", 259_200, "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        }
    }

    @Test
    void push_send_tells_its_schedules_where_an_undeliverable_deferral_goes() {
        String dlq = Templates.queue("hearken-push-deferrals-dlq");
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "hearken-push-send",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_PUSH_DEFERRALS_DEAD_LETTER_ARN", Templates.arnOf(dlq))))));
        template.hasResourceProperties(QUEUE, Map.of("QueueName", "hearken-push-deferrals-dlq",
                "SqsManagedSseEnabled", true));
    }

    @Test
    void public_routes_take_a_burst_of_at_least_five_hundred_requests() {
        assertThat(HearkenStack.PUBLIC_ROUTE_BURST_LIMIT).isGreaterThanOrEqualTo(500);
        assertThat(HearkenStack.PUBLIC_ROUTE_RATE_LIMIT).isLessThanOrEqualTo(HearkenStack.PUBLIC_ROUTE_BURST_LIMIT);
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("RouteSettings", Match.objectLike(Map.of(
                "POST /webhooks/zendesk", Map.of("ThrottlingBurstLimit", 500, "ThrottlingRateLimit", 250)))));
    }

    private static String topic(Template template) {
        return Templates.logicalId(template, "AWS::SNS::Topic", "TopicName", "hearken-alarms");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
