package dev.hearken.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AutoReplyRequestTest {

    @Test
    void the_request_id_is_source_and_item_so_one_item_gets_at_most_one_reply() {
        AutoReplyRequest r = AutoReplyRequest.of("zendesk", "35501", "en", null, "subscription_billing", 0.9,
                "2026-03-02T09:15:04Z", "v1");

        assertThat(r.requestId()).isEqualTo("zendesk:35501");
        assertThat(r.version()).isEqualTo(AutoReplyRequest.VERSION);
    }

    @Test
    void it_serialises_to_the_documented_property_names() throws Exception {
        AutoReplyRequest r = AutoReplyRequest.of("zendesk", "35501", "es", "es", "how_to", 0.8,
                "2026-03-02T09:15:04Z", "v1");

        String json = new ObjectMapper().writeValueAsString(r);

        assertThat(new ObjectMapper().readTree(json).fieldNames()).toIterable().containsExactly(
                "version", "requestId", "source", "itemId", "language", "locale", "intent", "intentConfidence",
                "decidedAt", "modelVersion");
        assertThat(new ObjectMapper().readValue(json, AutoReplyRequest.class)).isEqualTo(r);
    }

    @Test
    void a_confidence_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> AutoReplyRequest.of("zendesk", "1", "en", null, "how_to", 1.5, "t", "v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_missing_field_is_named_at_once() {
        assertThatThrownBy(() -> new AutoReplyRequest(1, "zendesk:1", "zendesk", null, null, "en-US", "how_to", 0.9,
                null, "1.1.0"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("missing decidedAt, itemId, language");
    }
}
