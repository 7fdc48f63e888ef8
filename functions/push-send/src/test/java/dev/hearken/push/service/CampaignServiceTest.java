package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.push.domain.Campaign;
import dev.hearken.push.domain.CampaignStatus;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.CampaignStore;
import dev.hearken.push.port.PushQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Campaign runs longer than one invocation: hand-over hop by hop, duplicates, a failed hand-over. */
class CampaignServiceTest {

    private static final List<String> AUDIENCE = IntStream.rangeClosed(1, 9).mapToObj(i -> "user-" + i).toList();

    private final Store store = new Store();
    private final List<PushMessage> enqueued = new CopyOnWriteArrayList<>();
    private final List<Long> continuations = new ArrayList<>();
    private boolean busFails;

    /** Every reading of the time is 6 s later: with a 10 s budget an invocation enqueues two pages. */
    private final Clock clock = new Clock() {
        private Instant now = Instant.parse("2026-03-20T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(6);
            return now;
        }
    };

    private final CampaignService service = new CampaignService(store, new Queue(), 2, 2, Duration.ofSeconds(10), clock,
            (campaign, run, hop) -> {
                if (busFails) {
                    throw new IllegalStateException("PutEvents refused the continuation: ThrottlingException");
                }
                continuations.add(hop);
            });

    @Test
    void a_run_longer_than_its_budget_continues_hop_by_hop_until_everyone_is_enqueued_once() {
        CampaignService.RunResult first = service.run("c", "r");
        CampaignService.RunResult second = service.run("c", "r", 1);
        CampaignService.RunResult third = service.run("c", "r", 2);

        assertThat(first.continued()).isTrue();
        assertThat(first.enqueued()).isEqualTo(4);
        assertThat(second.continued()).isTrue();
        assertThat(third.done()).isTrue();
        assertThat(continuations).containsExactly(1L, 2L);
        assertThat(enqueued).extracting(PushMessage::userId).containsExactlyInAnyOrderElementsOf(AUDIENCE);
        assertThat(enqueued).extracting(PushMessage::idempotencyKey).allMatch(k -> k.startsWith("c:r:user-"));
    }

    @Test
    void a_duplicate_of_a_hop_that_was_already_handed_over_does_nothing() {
        service.run("c", "r");
        int before = enqueued.size();

        CampaignService.RunResult duplicate = service.run("c", "r", 0);

        assertThat(duplicate.superseded()).isTrue();
        assertThat(enqueued).hasSize(before);
        assertThat(continuations).containsExactly(1L);
    }

    @Test
    void of_two_invocations_of_one_hop_only_one_hands_the_run_over() {
        CampaignService.RunResult a = service.run("c", "r", 0);
        store.hop = 0; // the second invocation started before the first handed over...
        store.advancedBy = "other"; // ...and the first one has moved the hop on by the time it wants to

        CampaignService.RunResult b = service.run("c", "r", 0);

        assertThat(a.continued()).isTrue();
        assertThat(b.superseded()).isTrue();
        assertThat(continuations).containsExactly(1L);
    }

    @Test
    void a_hand_over_that_cannot_be_sent_is_undone_and_the_invocation_fails_so_its_retry_hands_over() {
        busFails = true;
        assertThatThrownBy(() -> service.run("c", "r")).isInstanceOf(CampaignService.RunNotFinishedException.class);
        assertThat(store.hop).isZero();

        busFails = false;
        CampaignService.RunResult retry = service.run("c", "r", 0);

        assertThat(retry.continued()).isTrue();
        assertThat(continuations).containsExactly(1L);
    }

    @Test
    void a_draft_campaign_is_not_fanned_out() {
        store.status = CampaignStatus.DRAFT;

        CampaignService.RunResult run = service.run("c", "r");

        assertThat(run.halted()).isTrue();
        assertThat(enqueued).isEmpty();
    }

    @Test
    void a_campaign_paused_during_its_run_stops_after_the_page_in_flight_and_resumes_from_its_cursor() {
        store.status = CampaignStatus.SCHEDULED;
        store.pauseAfterReads = 2; // the run's start, then the check after the first page

        CampaignService.RunResult paused = service.run("c", "r");
        store.status = CampaignStatus.SCHEDULED;
        CampaignService.RunResult resumed = longBudget().run("c", "r");

        assertThat(paused.halted()).isTrue();
        assertThat(paused.enqueued()).isEqualTo(2);
        assertThat(resumed.done()).isTrue();
        assertThat(enqueued).extracting(PushMessage::userId).containsExactlyElementsOf(AUDIENCE);
    }

    private CampaignService longBudget() {
        return new CampaignService(store, new Queue(), 2, 2, Duration.ofHours(1), clock);
    }

    /** One campaign (an uploaded list of nine users) and one run. */
    private static final class Store implements CampaignStore {
        /** The campaign's stored status ({@code null}: legacy, runs). */
        CampaignStatus status;
        /** When positive, the status turns {@code PAUSED} at that read of the campaign (an operator's pause). */
        int pauseAfterReads;
        int reads;
        String cursor;
        long count;
        boolean done;
        long hop;
        String advancedBy;

        @Override
        public synchronized Optional<Campaign> find(String campaignId) {
            if (++reads == pauseAfterReads) {
                status = CampaignStatus.PAUSED;
            }
            return Optional.of(new Campaign(campaignId, "seasonal", Priority.PROMOTIONAL, "spring-sale", Map.of(), null,
                    AUDIENCE, null, status));
        }

        @Override
        public Page segmentPage(String segmentId, String cursor, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized RunState startRun(String campaignId, String runId) {
            return new RunState(done, cursor, count, hop);
        }

        @Override
        public synchronized void saveProgress(String campaignId, String runId, String cursor, long enqueued, boolean done) {
            this.cursor = cursor;
            this.count = enqueued;
            this.done = done;
        }

        @Override
        public synchronized boolean advance(String campaignId, String runId, long from) {
            if (advancedBy != null) { // someone else moved it first
                hop = from + 1;
                advancedBy = null;
                return false;
            }
            if (hop != from) {
                return false;
            }
            hop = from + 1;
            return true;
        }

        @Override
        public synchronized void revert(String campaignId, String runId, long from) {
            if (hop == from + 1) {
                hop = from;
            }
        }
    }

    private final class Queue implements PushQueue {
        @Override
        public void defer(PushMessage message, Duration delay) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deadLetter(PushMessage message, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int sendBatch(List<PushMessage> messages) {
            enqueued.addAll(messages);
            return messages.size();
        }
    }
}
