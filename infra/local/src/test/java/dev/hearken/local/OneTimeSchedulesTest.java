package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.aws.Emulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

class OneTimeSchedulesTest {

    private final Emulator emulator = Emulator.shared();
    private final SchedulerClient scheduler = emulator.scheduler();
    private final SqsClient sqs = emulator.sqs();
    private final String group = "local-test-" + UUID.randomUUID();
    private final String queue = "local-test-" + UUID.randomUUID();
    private final String queueUrl = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void a_due_schedule_sends_its_input_to_its_queue_once_and_is_deleted_and_a_later_one_waits() {
        scheduler.createScheduleGroup(b -> b.name(group));
        schedule("due", "at(2026-03-20T23:00:00)", "{\"n\":1}");
        schedule("later", "at(2099-01-01T00:00:00)", "{\"n\":2}");
        OneTimeSchedules schedules = new OneTimeSchedules(scheduler, sqs, List.of(group), Map.of(queue, queueUrl),
                events::add);

        assertThat(schedules.pending()).extracting(OneTimeSchedules.Pending::name).containsExactly("due", "later");
        assertThat(schedules.fireDue(Instant.parse("2026-03-21T00:00:00Z"))).isEqualTo(1);
        assertThat(schedules.fireDue(Instant.parse("2026-03-21T00:00:00Z"))).isZero();

        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"n\":1}"));
        assertThat(schedules.pending()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("later");
            assertThat(p.at()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
            assertThat(p.queue()).isEqualTo(queue);
        });
    }

    @Test
    void a_due_campaign_schedule_puts_its_input_as_the_detail_of_an_event_with_its_source_and_detail_type() throws Exception {
        scheduler.createScheduleGroup(b -> b.name(group));
        scheduler.createSchedule(b -> b.groupName(group).name("spring-sale-2026").scheduleExpression("at(2026-03-20T08:00:00)")
                .scheduleExpressionTimezone("UTC").actionAfterCompletion(ActionAfterCompletion.DELETE)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:events:us-east-1:123456789012:event-bus/default")
                        .roleArn("arn:aws:iam::123456789012:role/test")
                        .eventBridgeParameters(p -> p.source("hearken.campaigns").detailType("Campaign Scheduled"))
                        .input("{\"campaignId\":\"spring-sale-2026\",\"runId\":\"run-1\",\"hop\":0}")));
        OneTimeSchedules schedules = new OneTimeSchedules(scheduler, sqs, List.of(group), Map.of(), events::add);

        assertThat(schedules.pending()).singleElement().satisfies(p -> assertThat(p.target()).isEqualTo("event-bus/default"));
        assertThat(schedules.fireDue(Instant.parse("2026-03-20T08:00:30Z"))).isEqualTo(1);

        assertThat(schedules.pending()).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            com.fasterxml.jackson.databind.JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e);
            assertThat(event.path("source").asText()).isEqualTo("hearken.campaigns");
            assertThat(event.path("detail-type").asText()).isEqualTo("Campaign Scheduled");
            assertThat(event.path("detail").path("campaignId").asText()).isEqualTo("spring-sale-2026");
            assertThat(event.path("detail").path("runId").asText()).isEqualTo("run-1");
        });
    }

    private void schedule(String name, String expression, String input) {
        scheduler.createSchedule(b -> b.groupName(group).name(name).scheduleExpression(expression)
                .scheduleExpressionTimezone("UTC").actionAfterCompletion(ActionAfterCompletion.DELETE)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:" + emulator.region().id() + ":123456789012:" + queue)
                        .roleArn("arn:aws:iam::123456789012:role/test").input(input)));
    }
}
