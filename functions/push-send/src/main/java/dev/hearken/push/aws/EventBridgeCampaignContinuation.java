package dev.hearken.push.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.port.CampaignContinuation;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Hands a campaign run over to its next invocation: one {@code PutEvents} entry, source
 * {@code hearken.campaigns}, detail-type {@value #DETAIL_TYPE}, detail {@code {campaignId, runId, hop}},
 * on the bus the push-campaign rule listens to (events/README.md). EventBridge delivers it at least once
 * and retries the Lambda target (the rule's retry policy); the hop number makes duplicates harmless.
 *
 * <p>Why an event rather than the function invoking itself or a continuation queue: the rule that
 * starts runs already targets push-campaign with a retry policy, so a continuation is one more event it
 * matches — no new trigger, and no function ARN in the function's own configuration.
 */
public final class EventBridgeCampaignContinuation implements CampaignContinuation {

    /** The detail-type of continuation events (the rule matches it beside "Campaign Scheduled"). */
    public static final String DETAIL_TYPE = "Campaign Continued";
    /** The source of campaign events. */
    public static final String SOURCE = "hearken.campaigns";

    /** The event's detail, as push-campaign reads it back ({@code CampaignEvent.Detail}). */
    public record Detail(String campaignId, String runId, long hop) {}

    private final EventBridgeClient events;
    private final ObjectMapper json;
    private final String bus;

    public EventBridgeCampaignContinuation(EventBridgeClient events, ObjectMapper json, String bus) {
        this.events = events;
        this.json = json;
        this.bus = bus;
    }

    @Override
    public void schedule(String campaignId, String runId, long hop) {
        String body;
        try {
            body = json.writeValueAsString(new Detail(campaignId, runId, hop));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign continuation detail not serialisable", e);
        }
        PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(bus).source(SOURCE)
                .detailType(DETAIL_TYPE).detail(body)));
        // PutEvents answers 200 with per-entry failures (e.g. ThrottlingException): the entry is not on the bus.
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry entry = response.entries().get(0);
            throw new IllegalStateException("PutEvents refused the continuation: " + entry.errorCode() + " " + entry.errorMessage());
        }
    }
}
