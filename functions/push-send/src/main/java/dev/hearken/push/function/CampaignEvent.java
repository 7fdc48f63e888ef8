package dev.hearken.push.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The EventBridge event that starts a campaign run (events/README.md): {@code source}
 * {@code hearken.campaigns}, {@code detail-type} {@code Campaign Scheduled}, detail
 * {@code {"campaignId", "program", "runId"?}}. Without a {@code runId} the event's {@code time} (the
 * scheduled time) names the run, so a re-delivered or retried event continues the same run.
 * {@code Campaign Continued} events (put by push-campaign itself when a run outlives one invocation)
 * carry {@code runId} and {@code hop}, the hand-over they continue.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignEvent(
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String time,
        Detail detail) {

    /** The event's detail. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String campaignId, String program, String runId, Long hop) {}

    /** The campaign to run, or {@code null} when the event names none. */
    public String campaignId() {
        return detail == null ? null : detail.campaignId();
    }

    /** The hop this event continues ({@code 0}: a run's start). */
    public long hop() {
        return detail == null || detail.hop() == null ? 0 : detail.hop();
    }

    /** The run this event asks for. */
    public String runId() {
        if (detail != null && detail.runId() != null && !detail.runId().isBlank()) {
            return detail.runId();
        }
        return time != null ? time : id;
    }
}
