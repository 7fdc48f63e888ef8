package dev.hearken.push.port;

/** Asks for another invocation of a campaign run (the next hop), delivered at least once. */
public interface CampaignContinuation {

    /**
     * Schedules hop {@code hop} of run {@code runId} of {@code campaignId}.
     *
     * @throws RuntimeException when the request was not accepted (the caller then keeps the run to itself)
     */
    void schedule(String campaignId, String runId, long hop);
}
