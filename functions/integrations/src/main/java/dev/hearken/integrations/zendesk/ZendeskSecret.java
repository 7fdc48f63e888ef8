package dev.hearken.integrations.zendesk;

import dev.hearken.aws.secrets.SecretReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The Zendesk secret {@code {"webhookSigningSecret","apiEmail","apiToken"}} through the one {@link SecretReader}
 * (cached per warm function for {@code hearken.secrets.cache-ttl}).
 *
 * <p>Rotation-safe: after a rotation the cached signing secret stops matching, so the webhook calls
 * {@link #refreshAfterMismatch()} and checks once more with the fresh value; a 401 from the API forgets the
 * cached token the same way. The re-read after a mismatch is rate-limited
 * ({@code hearken.zendesk.webhook.secret-refresh-interval}) so forged requests cannot turn into a Secrets Manager
 * call each.
 */
@ApplicationScoped
public class ZendeskSecret {

    private final SecretReader secrets;
    private final ZendeskSettings settings;
    private final Clock clock = Clock.systemUTC();
    private Instant lastRefresh;

    ZendeskSecret(SecretReader secrets, ZendeskSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    public String signingSecret() {
        return text("webhookSigningSecret");
    }

    public String apiEmail() {
        return text("apiEmail");
    }

    public String apiToken() {
        return text("apiToken");
    }

    /** API-token auth, {@code Basic base64("{email}/token:{api_token}")} (zendesk.md §1). */
    public String authorization() {
        String credentials = apiEmail() + "/token:" + apiToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Re-reads the secret unless that was done less than the refresh interval ago; returns whether the signing
     * secret changed (only then is a second check worth it).
     */
    public synchronized boolean refreshAfterMismatch() {
        Instant now = clock.instant();
        if (lastRefresh != null && lastRefresh.plus(settings.webhook().secretRefreshInterval()).isAfter(now)) {
            return false;
        }
        String before = signingSecret();
        forget();
        lastRefresh = now;
        return !before.equals(signingSecret());
    }

    /** Forgets the cached secret: the next use reads it again (e.g. after Zendesk refused the token). */
    public void forget() {
        secrets.invalidate(settings.secretId());
    }

    private String text(String field) {
        return secrets.field(settings.secretId(), field);
    }
}
