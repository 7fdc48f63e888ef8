package dev.hearken.integrations.apns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code aps} dictionary of an alert push (apns.md §3); custom keys live beside it ({@link #withCustomKeys}). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApnsPayload(Alert alert, String sound, @JsonProperty("thread-id") String threadId) {

    /** {@code aps.alert} as a dictionary; an absent title is left out. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alert(String title, String body) {
    }

    /** The whole payload: {@code aps} and the custom keys outside it (a custom {@code aps} key is dropped). */
    public Map<String, Object> withCustomKeys(Map<String, String> custom) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("aps", this);
        custom.forEach((k, v) -> {
            if (!"aps".equals(k)) {
                root.put(k, v);
            }
        });
        return root;
    }
}
