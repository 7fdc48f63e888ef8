package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.Events;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void a_sample_signed_with_the_test_secret_is_signed_again_for_now() throws Exception {
        ObjectNode event = Replayer.fresh("webhook-trigger-subscription-cancel", sample("webhook-trigger-subscription-cancel"), NOW);

        assertThat(event.path("headers").path(ZendeskWebhooks.TIMESTAMP).asText()).isEqualTo("2026-12-08T10:00:00Z");
        assertThat(ZendeskWebhooks.signedWith(event, ZendeskWebhooks.testSecret())).isTrue();
    }

    @Test
    void a_sample_signed_with_another_secret_gets_a_fresh_timestamp_and_stays_forged() throws Exception {
        ObjectNode stored = sample("webhook-bad-signature");
        String forged = stored.path("headers").path(ZendeskWebhooks.SIGNATURE).asText();

        ObjectNode event = Replayer.fresh("webhook-bad-signature", stored, NOW);

        assertThat(event.path("headers").path(ZendeskWebhooks.TIMESTAMP).asText()).isEqualTo("2026-12-08T10:00:00Z");
        assertThat(event.path("headers").path(ZendeskWebhooks.SIGNATURE).asText()).isEqualTo(forged);
        assertThat(ZendeskWebhooks.signedWith(event, ZendeskWebhooks.testSecret())).isFalse();
    }

    @Test
    void a_stale_sample_and_an_unsigned_one_are_sent_as_stored() throws Exception {
        ObjectNode stale = sample("webhook-stale-signature");
        ObjectNode unsigned = (ObjectNode) JSON.readTree(Events.load("experiment-assign", "assign-ok"));

        assertThat(Replayer.fresh("webhook-stale-signature", stale.deepCopy(), NOW)).isEqualTo(stale);
        assertThat(Replayer.fresh("assign-ok", unsigned.deepCopy(), NOW)).isEqualTo(unsigned);
    }

    private static ObjectNode sample(String scenario) throws Exception {
        return (ObjectNode) JSON.readTree(Events.load("ticket-classify", scenario));
    }
}
