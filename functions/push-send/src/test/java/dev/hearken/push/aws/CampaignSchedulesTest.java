package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.aws.Emulator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/** A campaign's one schedule in moto's Scheduler: armed again it moves rather than doubles; disarmed twice is fine. */
class CampaignSchedulesTest {

    private static final String BUS = "arn:aws:events:us-east-1:123456789012:event-bus/default";

    private final SchedulerClient scheduler = Emulator.shared().client(SchedulerClient.builder());
    private final String group = "campaigns-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final CampaignSchedules schedules = new CampaignSchedules(scheduler, new ObjectMapper(), group,
            "arn:aws:iam::123456789012:role/campaigns", BUS);

    @Test
    void arming_an_armed_campaign_again_moves_its_one_schedule_and_disarming_twice_is_not_an_error() {
        scheduler.createScheduleGroup(b -> b.name(group));
        CampaignSchedules.Detail detail = new CampaignSchedules.Detail("spring-sale-2026", "seasonal", "run-1", 0);

        schedules.arm(detail, Instant.parse("2026-03-21T08:00:00Z"));
        schedules.arm(detail, Instant.parse("2026-03-22T09:30:00Z"));

        assertThat(scheduler.listSchedules(b -> b.groupName(group)).schedules()).hasSize(1);
        assertThat(scheduler.getSchedule(b -> b.groupName(group).name("spring-sale-2026")).scheduleExpression())
                .isEqualTo("at(2026-03-22T09:30:00)");
        schedules.disarm("spring-sale-2026");
        assertThatCode(() -> schedules.disarm("spring-sale-2026")).doesNotThrowAnyException();
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.groupName(group).name("spring-sale-2026")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_campaign_id_scheduler_does_not_allow_as_a_name_gets_a_hashed_name_of_allowed_characters() {
        assertThat(CampaignSchedules.scheduleName("spring-sale_2026.v2")).isEqualTo("spring-sale_2026.v2");
        assertThat(CampaignSchedules.scheduleName("team:growth@spring"))
                .matches("campaign-[0-9a-f]{40}")
                .isNotEqualTo(CampaignSchedules.scheduleName("team:growth@summer"));
        assertThat(CampaignSchedules.scheduleName("c".repeat(65))).hasSize(49);
    }

    @Test
    void without_a_role_or_a_bus_arming_fails_before_calling_scheduler() {
        CampaignSchedules unconfigured = new CampaignSchedules(scheduler, new ObjectMapper(), group, null, null);

        assertThatThrownBy(() -> unconfigured.arm(new CampaignSchedules.Detail("c", "p", "r", 0), Instant.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("campaign-scheduler-role-arn");
    }
}
