package dev.hearken.push.service;

import dev.hearken.push.domain.Campaign;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.CampaignContinuation;
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
 * not started again.
 *
 * <p>Longer than one invocation: when the time budget runs out the cursor is saved and the run is
 * <em>handed over</em> — the run's hop counter moves from {@code h} to {@code h + 1} (a conditional
 * write, so of two invocations of one hop only one hands over) and a continuation for hop
 * {@code h + 1} is scheduled ({@link CampaignContinuation}: a "Campaign Continued" event), then the
 * invocation ends successfully. An invocation for a hop older than the stored one is a duplicate and
 * does nothing. So a run of any length continues hop by hop, not only through Lambda's two
 * asynchronous retries. If the continuation cannot be scheduled, the hop is moved back and the
 * invocation fails on purpose, so Lambda's retry of this hop hands over again. Rare duplicate chains
 * (a duplicated event) cost extra enqueues, never extra pushes: every message key is per run and user.
 *
 * <p>Paused or cancelled: the campaign's status is read again after every page, so an operator's pause or cancel
 * stops a running fan-out at its next page (at most one page of {@code pageSize} users later); the cursor is kept,
 * so scheduling a paused campaign again resumes the same run where it stopped. A draft is never fanned out.
 */
public final class CampaignService {

    private static final System.Logger LOG = System.getLogger(CampaignService.class.getName());

    /**
     * The outcome of one invocation.
     *
     * @param enqueued    messages enqueued by the run so far
     * @param done        whether the whole audience is enqueued
     * @param alreadyDone the run had finished before this invocation
     * @param continued   the budget ran out and the run was handed over to its next hop
     * @param superseded  this invocation's hop was already handed over by another: it did nothing
     * @param halted      the campaign is not to be sent now (a draft, paused or cancelled by an operator): the run
     *                    stopped before its first page, or after the page in flight, with its cursor saved
     */
    public record RunResult(String campaignId, String runId, long enqueued, boolean done, boolean alreadyDone,
            boolean continued, boolean superseded, boolean halted) {

        RunResult(String campaignId, String runId, long enqueued, boolean done, boolean alreadyDone,
                boolean continued, boolean superseded) {
            this(campaignId, runId, enqueued, done, alreadyDone, continued, superseded, false);
        }
    }

    /** Thrown when the run stopped at its time budget and could not be handed over; a retry resumes it. */
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
    private final CampaignContinuation continuation;

    /** Without hand-over: a run that outlives its budget fails so that Lambda's retry continues it. */
    public CampaignService(CampaignStore store, PushQueue queue, int pageSize, int parallelism, Duration budget, Clock clock) {
        this(store, queue, pageSize, parallelism, budget, clock, (campaign, run, hop) -> {
            throw new UnsupportedOperationException("no campaign continuation configured");
        });
    }

    public CampaignService(CampaignStore store, PushQueue queue, int pageSize, int parallelism, Duration budget, Clock clock,
            CampaignContinuation continuation) {
        this.continuation = continuation;
        this.store = store;
        this.queue = queue;
        this.pageSize = pageSize;
        this.parallelism = parallelism;
        this.budget = budget;
        this.clock = clock;
    }

    /** Runs (or resumes) {@code runId} of {@code campaignId} as its first hop, see {@link #run(String, String, long)}. */
    public RunResult run(String campaignId, String runId) {
        return run(campaignId, runId, 0);
    }

    /**
     * Runs (or resumes) hop {@code hop} of {@code runId} of {@code campaignId}.
     *
     * @throws IllegalArgumentException   for a missing or unknown campaign
     * @throws RunNotFinishedException    when the time budget ran out first and the run could not be handed over
     */
    public RunResult run(String campaignId, String runId, long hop) {
        if (campaignId == null || campaignId.isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "campaign event without detail.campaignId ignored");
            throw new IllegalArgumentException("detail.campaignId is required");
        }
        RunResult result = runHop(campaignId, runId, hop);
        LOG.log(System.Logger.Level.INFO, "campaign {0} run {1} hop {2}: {3} enqueued{4}", result.campaignId(),
                result.runId(), hop, result.enqueued(), result.alreadyDone() ? " (run already finished)"
                        : result.continued() ? " (continues in the next hop)"
                        : result.superseded() ? " (hop already handed over: nothing done)"
                        : result.halted() ? " (halted: the campaign is not scheduled)" : "");
        return result;
    }

    private RunResult runHop(String campaignId, String runId, long hop) {
        Campaign campaign = store.find(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("unknown campaign " + campaignId));
        if (!campaign.runnable()) {
            return new RunResult(campaignId, runId, 0, false, false, false, false, true);
        }
        CampaignStore.RunState state = store.startRun(campaignId, runId);
        if (state.done()) {
            return new RunResult(campaignId, runId, state.enqueued(), true, true, false, false);
        }
        if (state.hop() > hop) {
            LOG.log(System.Logger.Level.INFO, "campaign {0} run {1}: hop {2} was already handed over (now {3}); nothing to do",
                    campaignId, runId, hop, state.hop());
            return new RunResult(campaignId, runId, state.enqueued(), false, false, false, true);
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
                    return new RunResult(campaignId, runId, enqueued, true, false, false, false);
                }
                if (!store.find(campaignId).map(Campaign::runnable).orElse(false)) {
                    return new RunResult(campaignId, runId, enqueued, false, false, false, false, true);
                }
                if (clock.instant().isAfter(deadline)) {
                    return handOver(campaignId, runId, hop, enqueued);
                }
            }
        }
    }

    /** The budget ran out with the cursor saved: the next hop continues, or this one is retried. */
    private RunResult handOver(String campaignId, String runId, long hop, long enqueued) {
        if (!store.advance(campaignId, runId, hop)) {
            LOG.log(System.Logger.Level.INFO, "campaign {0} run {1}: hop {2} was handed over by another invocation",
                    campaignId, runId, hop);
            return new RunResult(campaignId, runId, enqueued, false, false, false, true);
        }
        try {
            continuation.schedule(campaignId, runId, hop + 1);
        } catch (RuntimeException e) {
            store.revert(campaignId, runId, hop);
            LOG.log(System.Logger.Level.WARNING, "campaign {0} run {1}: hop {2} not handed over ({3}); failing for a retry",
                    campaignId, runId, hop + 1, e.toString());
            throw new RunNotFinishedException(campaignId, enqueued);
        }
        LOG.log(System.Logger.Level.INFO, "campaign {0} run {1}: {2} messages enqueued so far, continued as hop {3}",
                campaignId, runId, enqueued, hop + 1);
        return new RunResult(campaignId, runId, enqueued, false, false, true, false);
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
