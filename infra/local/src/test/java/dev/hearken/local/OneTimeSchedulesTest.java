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

    @Test
    void a_due_schedule_sends_its_input_to_its_queue_once_and_is_deleted_and_a_later_one_waits() {
        scheduler.createScheduleGroup(b -> b.name(group));
        schedule("due", "at(2026-03-20T23:00:00)", "{\"n\":1}");
        schedule("later", "at(2099-01-01T00:00:00)", "{\"n\":2}");
        OneTimeSchedules schedules = new OneTimeSchedules(scheduler, sqs, List.of(group), Map.of(queue, queueUrl));

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

    private void schedule(String name, String expression, String input) {
        scheduler.createSchedule(b -> b.groupName(group).name(name).scheduleExpression(expression)
                .scheduleExpressionTimezone("UTC").actionAfterCompletion(ActionAfterCompletion.DELETE)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:" + emulator.region().id() + ":123456789012:" + queue)
                        .roleArn("arn:aws:iam::123456789012:role/test").input(input)));
    }
}
