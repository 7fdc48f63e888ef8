package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The campaign state machine: which action applies in which status, and the status an operator sees. */
class CampaignStatusTest {

    private static Set<CampaignStatus> where(Predicate<CampaignStatus> allowed) {
        Set<CampaignStatus> out = EnumSet.noneOf(CampaignStatus.class);
        for (CampaignStatus s : CampaignStatus.values()) {
            if (allowed.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void only_a_draft_or_a_paused_campaign_can_be_scheduled() {
        assertThat(where(CampaignStatus::canSchedule)).containsExactlyInAnyOrder(CampaignStatus.DRAFT, CampaignStatus.PAUSED);
    }

    @Test
    void only_a_scheduled_or_running_campaign_can_be_paused() {
        assertThat(where(CampaignStatus::canPause)).containsExactlyInAnyOrder(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING);
    }

    @Test
    void a_done_or_cancelled_campaign_cannot_be_cancelled_and_cancelled_is_terminal() {
        assertThat(where(CampaignStatus::canCancel)).doesNotContain(CampaignStatus.DONE, CampaignStatus.CANCELLED);
        assertThat(CampaignStatus.CANCELLED.canSchedule() || CampaignStatus.CANCELLED.canPause()
                || CampaignStatus.CANCELLED.canEdit()).isFalse();
    }

    @Test
    void a_campaign_is_edited_only_as_a_draft_or_paused_and_deleted_only_when_nothing_can_send_it() {
        assertThat(where(CampaignStatus::canEdit)).containsExactlyInAnyOrder(CampaignStatus.DRAFT, CampaignStatus.PAUSED);
        assertThat(where(CampaignStatus::canDelete))
                .containsExactlyInAnyOrder(CampaignStatus.DRAFT, CampaignStatus.DONE, CampaignStatus.CANCELLED);
    }

    @Test
    void a_scheduled_campaign_reads_as_running_once_its_run_started_and_done_once_it_finished() {
        assertThat(CampaignStatus.effective(CampaignStatus.SCHEDULED, false, false)).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(CampaignStatus.effective(CampaignStatus.SCHEDULED, true, false)).isEqualTo(CampaignStatus.RUNNING);
        assertThat(CampaignStatus.effective(CampaignStatus.SCHEDULED, true, true)).isEqualTo(CampaignStatus.DONE);
        assertThat(CampaignStatus.effective(CampaignStatus.PAUSED, true, false)).isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void a_campaign_stored_without_a_status_is_a_draft_to_operators_and_still_runs_when_an_event_names_it() {
        assertThat(CampaignStatus.effective(null, false, false)).isEqualTo(CampaignStatus.DRAFT);
        assertThat(CampaignStatus.runnable(null)).isTrue();
        assertThat(where(s -> CampaignStatus.runnable(s))).containsExactly(CampaignStatus.SCHEDULED);
    }
}
