package dev.hearken.push.port;

import dev.hearken.push.domain.Campaign;
import java.util.List;
import java.util.Optional;

/** Campaign definitions, their audiences (page by page) and the progress of each run. */
public interface CampaignStore {

    Optional<Campaign> find(String campaignId);

    /** One page of a segment's user ids, and the cursor of the next page ({@code null} at the end). */
    record Page(List<String> userIds, String next) {}

    /** The page of {@code segmentId} starting at {@code cursor} ({@code null}: the first), at most {@code limit} ids. */
    Page segmentPage(String segmentId, String cursor, int limit);

    /**
     * A run's progress: {@code done}, and where to resume otherwise ({@code null}: from the start);
     * {@code hop} is the number of hand-overs to a next invocation so far.
     */
    record RunState(boolean done, String cursor, long enqueued, long hop) {}

    /** Starts or resumes the run {@code runId} of {@code campaignId}. */
    RunState startRun(String campaignId, String runId);

    /** Stores progress after a page was enqueued. */
    void saveProgress(String campaignId, String runId, String cursor, long enqueued, boolean done);

    /**
     * Moves the run from hop {@code from} to {@code from + 1}, only if it is still at {@code from} (atomic):
     * of two invocations of one hop, exactly one hands the run over.
     *
     * @return whether this caller moved it
     */
    boolean advance(String campaignId, String runId, long from);

    /** Undoes {@link #advance} (back to {@code from}) when the hand-over could not be sent. */
    void revert(String campaignId, String runId, long from);
}
