package dev.hearken.push.service;

import dev.hearken.push.domain.Campaign;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.CampaignStore;
import dev.hearken.push.port.PushQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Fans a campaign out onto the push queue, one {@link PushMessage} per user, in SQS batches of 10,
 * one audience page at a time (never the whole audience in memory).
 *
 * <p>Idempotent per run: every message's key is {@code <campaign>:<run>:<user>}, so re-enqueueing a
 * page after a crash cannot push anyone twice (the worker de-duplicates); the run's cursor is stored
 * after each page, so a retried invocation resumes where the last one stopped, and a finished run is
 * not started again. When the time budget runs out the cursor is saved and the invocation fails on
 * purpose, so EventBridge's retry of the asynchronous invocation continues the run.
 */
public final class CampaignService {

    private static final System.Logger LOG = System.getLogger(CampaignService.class.getName());

    /** The outcome of one invocation. */
    public record RunResult(String campaignId, String runId, long enqueued, boolean done, boolean alreadyDone) {}

    /** Thrown when the run stopped at its time budget; the next invocation resumes it. */
    public static final class RunNotFinishedException extends RuntimeException {
        public RunNotFinishedException(String campaignId, long enqueued) {
            super("campaign " + campaignId + " paused after " + enqueued + " messages; it resumes on retry");
        }
    }

    private final CampaignStore store;
    private final PushQueue queue;
    private final int pageSize;
    private final int parallelism;
    private final Duration budget;
    private final Clock clock;

    public CampaignService(CampaignStore store, PushQueue queue, int pageSize, int parallelism, Duration budget, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.pageSize = pageSize;
        this.parallelism = parallelism;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * Runs (or resumes) {@code runId} of {@code campaignId}.
     *
     * @throws IllegalArgumentException   for an unknown campaign
     * @throws RunNotFinishedException    when the time budget ran out first
     */
    public RunResult run(String campaignId, String runId) {
        Campaign campaign = store.find(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("unknown campaign " + campaignId));
        CampaignStore.RunState state = store.startRun(campaignId, runId);
        if (state.done()) {
            return new RunResult(campaignId, runId, state.enqueued(), true, true);
        }
        Instant deadline = clock.instant().plus(budget);
        long enqueued = state.enqueued();
        String cursor = state.cursor();
        try (ExecutorService senders = Executors.newFixedThreadPool(parallelism)) {
            while (true) {
                CampaignStore.Page page = page(campaign, cursor);
                enqueued += enqueue(senders, campaign, runId, page.userIds());
                cursor = page.next();
                boolean done = cursor == null;
                store.saveProgress(campaignId, runId, cursor, enqueued, done);
                if (done) {
                    LOG.log(System.Logger.Level.INFO, "campaign {0} run {1}: {2} messages enqueued", campaignId, runId, enqueued);
                    return new RunResult(campaignId, runId, enqueued, true, false);
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new RunNotFinishedException(campaignId, enqueued);
                }
            }
        }
    }

    private CampaignStore.Page page(Campaign campaign, String cursor) {
        if (campaign.segmentId() != null) {
            return store.segmentPage(campaign.segmentId(), cursor, pageSize);
        }
        // An uploaded list: the cursor is the index of the next id.
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(campaign.userIds().size(), from + pageSize);
        return new CampaignStore.Page(campaign.userIds().subList(from, to),
                to < campaign.userIds().size() ? Integer.toString(to) : null);
    }

    private int enqueue(ExecutorService senders, Campaign campaign, String runId, List<String> userIds) {
        List<Future<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i += 10) {
            List<PushMessage> batch = new ArrayList<>(10);
            for (String userId : userIds.subList(i, Math.min(userIds.size(), i + 10))) {
                batch.add(new PushMessage(userId, campaign.program(), campaign.priority(), campaign.template(),
                        campaign.data(), ChannelPreference.PUSH, campaign.notBefore(),
                        campaign.campaignId() + ":" + runId + ":" + userId));
            }
            batches.add(senders.submit(() -> queue.sendBatch(batch)));
        }
        int sent = 0;
        for (Future<Integer> f : batches) {
            try {
                sent += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while enqueueing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("enqueueing a batch failed", e.getCause());
            }
        }
        return sent;
    }
}
