package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import dev.hearken.testing.aws.Emulator;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Schedule names and expressions (what Scheduler accepts, the same name for the same key and minute), and
 * the adapter against the emulator's Scheduler: a repeated deferral is accepted, a refused one is thrown.
 */
class SchedulerDeferralsTest {

    private static final Instant MORNING = Instant.parse("2026-03-20T23:00:00Z");
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:hearken-push";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/deferrals";

    private static PushMessage message(String key) {
        return new PushMessage("user-1", "seasonal", Priority.PROMOTIONAL, "spring-sale", Map.of("firstName", "Ana"),
                ChannelPreference.PUSH, null, key);
    }

    @Test
    void a_repeated_deferral_meets_the_existing_schedule_and_is_accepted() {
        SchedulerClient scheduler = Emulator.shared().client(SchedulerClient.builder());
        String group = "deferrals-" + UUID.randomUUID();
        scheduler.createScheduleGroup(b -> b.name(group));
        SchedulerDeferrals deferrals = new SchedulerDeferrals(scheduler, new ObjectMapper(), group, ROLE_ARN, () -> QUEUE_ARN, null);

        deferrals.deferUntil(message("k:retry"), MORNING);
        deferrals.deferUntil(message("k:retry"), MORNING);

        assertThat(scheduler.listSchedules(b -> b.groupName(group)).schedules()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo(SchedulerDeferrals.scheduleName("k:retry", MORNING)));
    }

    @Test
    void a_schedule_retries_for_a_day_and_then_sends_its_message_to_the_dead_letter_queue_instead_of_dropping_it() {
        SchedulerClient scheduler = Emulator.shared().client(SchedulerClient.builder());
        String group = "deferrals-" + UUID.randomUUID();
        scheduler.createScheduleGroup(b -> b.name(group));
        String deadLetterArn = "arn:aws:sqs:us-east-1:123456789012:hearken-push-deferrals-dlq";
        SchedulerDeferrals deferrals = new SchedulerDeferrals(scheduler, new ObjectMapper(), group, ROLE_ARN,
                () -> QUEUE_ARN, deadLetterArn);

        deferrals.deferUntil(message("k:dlq"), MORNING);

        var target = scheduler.getSchedule(b -> b.groupName(group).name(SchedulerDeferrals.scheduleName("k:dlq", MORNING)))
                .target();
        assertThat(target.deadLetterConfig().arn()).isEqualTo(deadLetterArn);
        assertThat(target.retryPolicy().maximumEventAgeInSeconds()).isEqualTo(86_400);
        assertThat(target.retryPolicy().maximumRetryAttempts()).isEqualTo(185);
    }

    @Test
    void a_refused_request_is_thrown_so_that_the_service_falls_back_to_an_sqs_delay() {
        SchedulerClient scheduler = Emulator.shared().client(SchedulerClient.builder());
        SchedulerDeferrals deferrals = new SchedulerDeferrals(scheduler, new ObjectMapper(), "no-such-group-" + UUID.randomUUID(),
                ROLE_ARN, () -> QUEUE_ARN, null);

        assertThatThrownBy(() -> deferrals.deferUntil(message("k:refused"), MORNING)).isInstanceOf(SdkException.class);
    }

    @Test
    void a_name_is_the_utc_minute_and_a_hash_within_schedulers_64_allowed_characters() {
        String name = SchedulerDeferrals.scheduleName("spring-sale-2026:push:user-1003", MORNING);

        assertThat(name).startsWith("20260320T2300Z-").hasSize(55).matches("[0-9a-zA-Z-_.]{1,64}");
        assertThat(name).doesNotContain("user-1003");
    }

    @Test
    void the_same_key_and_minute_give_the_same_name_so_a_retried_deferral_hits_the_existing_schedule() {
        assertThat(SchedulerDeferrals.scheduleName("k:1", MORNING)).isEqualTo(SchedulerDeferrals.scheduleName("k:1", MORNING));
    }

    @Test
    void another_key_or_another_minute_is_another_schedule() {
        String name = SchedulerDeferrals.scheduleName("k:1", MORNING);

        assertThat(SchedulerDeferrals.scheduleName("k:2", MORNING)).isNotEqualTo(name);
        assertThat(SchedulerDeferrals.scheduleName("k:1", MORNING.plusSeconds(60))).isNotEqualTo(name);
    }

    @Test
    void a_long_key_with_any_characters_still_gives_a_valid_name() {
        String key = "campaign:ünïcødé 🎉/" + "x".repeat(500);

        assertThat(SchedulerDeferrals.scheduleName(key, MORNING)).matches("[0-9a-zA-Z-_.]{1,64}");
    }

    @Test
    void the_expression_is_a_one_time_at_in_utc_to_the_second() {
        assertThat(SchedulerDeferrals.expression(MORNING)).isEqualTo("at(2026-03-20T23:00:00)");
    }
}
