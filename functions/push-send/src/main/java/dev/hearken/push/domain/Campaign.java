package dev.hearken.push.domain;

import dev.hearken.push.message.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign definition (table {@code push-campaigns}): what to send to whom.
 *
 * @param campaignId id, also the first part of every message's idempotency key
 * @param program    CRM program of its messages
 * @param priority   usually promotional
 * @param template   template key
 * @param data       placeholder values shared by all recipients
 * @param segmentId  audience as a stored segment (table {@code push-segments}, queried page by page), or {@code null}
 * @param userIds    audience as an uploaded list, used when {@code segmentId} is {@code null}
 * @param notBefore  earliest send time, or {@code null}
 * @param status     the operator's decision ({@link CampaignStatus}: draft, scheduled, paused, cancelled), or
 *                   {@code null} for a campaign written without one (legacy: runs whenever an event names it)
 */
public record Campaign(
        String campaignId,
        String program,
        Priority priority,
        String template,
        Map<String, String> data,
        String segmentId,
        List<String> userIds,
        Instant notBefore,
        CampaignStatus status) {

    /** A campaign without a stored status (written before the operator API, or by a test). */
    public Campaign(String campaignId, String program, Priority priority, String template, Map<String, String> data,
            String segmentId, List<String> userIds, Instant notBefore) {
        this(campaignId, program, priority, template, data, segmentId, userIds, notBefore, null);
    }

    /** Whether push-campaign fans it out now: see {@link CampaignStatus#runnable}. */
    public boolean runnable() {
        return CampaignStatus.runnable(status);
    }

    public Campaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(template, "template");
        data = data == null ? Map.of() : Map.copyOf(data);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }
}
