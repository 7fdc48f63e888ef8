package dev.hearken.autoreply.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Tunables of {@link AutoReplyService}.
 *
 * @param dailyCaps    channel source → replies allowed per app per UTC day ({@code googleplay} → 2000)
 * @param appName      the app's display name for the {@code {app}} placeholder
 * @param articleLinks help-centre link per reply language for the {@code {articleLink}} placeholder
 * @param ticketStatus status a ticket gets with the reply ({@code pending}: waiting for the requester)
 * @param ticketTags   tags added with the reply (the marker tag is always added)
 * @param claimLease   how long a claim without an outcome belongs to the attempt that made it; longer
 *                     than the function's timeout
 */
public record ReplySettings(Map<String, Integer> dailyCaps, String appName, ArticleLinks articleLinks, String ticketStatus,
        Set<String> ticketTags, Duration claimLease) {

    /**
     * Tag added in the same update as the comment: a ticket carrying it has our reply, which is how
     * a retry after a crash between "sent" and "recorded" finds out (read-back).
     */
    public static final String REPLIED_TAG = "hearken_auto_replied";

    public ReplySettings {
        dailyCaps = Map.copyOf(dailyCaps);
        ticketTags = ticketTags == null ? Set.of() : Set.copyOf(ticketTags);
    }

    /** The cap of a channel; no entry = no cap. */
    public int capOf(ReplyChannel channel) {
        return dailyCaps.getOrDefault(channel.source(), Integer.MAX_VALUE);
    }
}
