package dev.hearken.push.port;

import java.util.Optional;

/** The progress of campaign runs as push-campaign left it, read by the operator API (running, done, where to resume). */
public interface CampaignRuns {

    /** The run {@code runId} of {@code campaignId}, or empty when push-campaign has not started it. */
    Optional<CampaignStore.RunState> findRun(String campaignId, String runId);
}
