package dev.hearken.integrations.fcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The {@code Message} of an FCM HTTP v1 send (fcm.md §3), with the snake_case names of Firebase's examples (the API
 * accepts both spellings). Absent parts are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FcmMessage(String token, Notification notification, Map<String, String> data, Android android,
        @JsonProperty("fcm_options") Options fcmOptions) {

    /** The cross-platform display notification. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notification(String title, String body) {
    }

    /** {@code AndroidConfig}: {@code priority} {@code NORMAL}/{@code HIGH}, {@code ttl} a duration like {@code 86400s}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Android(String priority, @JsonProperty("collapse_key") String collapseKey, String ttl) {
    }

    /** {@code FcmOptions}: the analytics label ({@code [a-zA-Z0-9-_.~%]{1,50}}). */
    @RegisterForReflection
    public record Options(@JsonProperty("analytics_label") String analyticsLabel) {
    }

    /** {@code SendMessageRequest}. */
    @RegisterForReflection
    record SendRequest(FcmMessage message) {
    }
}
