package dev.hearken.ticket.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.ticket.config.ZendeskSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Zendesk secret ({@code {"webhookSigningSecret","apiEmail","apiToken"}}) from Secrets Manager,
 * cached per warm function for {@link ZendeskSettings#secretCacheTtl()}.
 *
 * <p>Rotation-safe: after a rotation the cached signing secret stops matching, so the webhook calls
 * {@link #refreshAfterMismatch()} and checks once more with the fresh value. That re-read is
 * rate-limited ({@code hearken.zendesk.webhook.secret-refresh-interval}) so forged requests cannot
 * turn into a Secrets Manager call each.
 */
@ApplicationScoped
public class ZendeskSecret {

    private record Values(String signingSecret, String apiEmail, String apiToken, Instant readAt) {}

    private final SecretsManagerClient secrets;
    private final ObjectMapper json;
    private final ZendeskSettings settings;
    private final Clock clock;
    private volatile Values cached;

    ZendeskSecret(SecretsManagerClient secrets, ObjectMapper json, ZendeskSettings settings) {
        this.secrets = secrets;
        this.json = json;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    public String signingSecret() {
        return current().signingSecret();
    }

    public String apiEmail() {
        return current().apiEmail();
    }

    public String apiToken() {
        return current().apiToken();
    }

    /**
     * Re-reads the secret if the cached copy is older than the refresh interval; returns whether the
     * signing secret changed (only then is a second check worth it).
     */
    public synchronized boolean refreshAfterMismatch() {
        Values before = cached;
        if (before != null && before.readAt().plus(settings.webhook().secretRefreshInterval()).isAfter(clock.instant())) {
            return false;
        }
        Values fresh = read();
        cached = fresh;
        return before == null || !fresh.signingSecret().equals(before.signingSecret());
    }

    private Values current() {
        Values v = cached;
        if (v == null || v.readAt().plus(settings.secretCacheTtl()).isBefore(clock.instant())) {
            synchronized (this) {
                v = cached;
                if (v == null || v.readAt().plus(settings.secretCacheTtl()).isBefore(clock.instant())) {
                    v = read();
                    cached = v;
                }
            }
        }
        return v;
    }

    private Values read() {
        String text = secrets.getSecretValue(b -> b.secretId(settings.secretId())).secretString();
        try {
            JsonNode node = json.readTree(text);
            return new Values(node.path("webhookSigningSecret").asText(""), node.path("apiEmail").asText(""),
                    node.path("apiToken").asText(""), clock.instant());
        } catch (JsonProcessingException e) {
            // Never echo the secret's content.
            throw new IllegalStateException("secret " + settings.secretId() + " is not a JSON object");
        }
    }
}
