package dev.hearken.integrations.zendesk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How Hearken reaches Zendesk and checks its webhooks: the one {@code hearken.zendesk.*} key set of every function. */
@ConfigMapping(prefix = "hearken.zendesk")
public interface ZendeskSettings {

    /**
     * Base URL of the Zendesk account, {@code https://<subdomain>.zendesk.com} (env
     * {@code HEARKEN_ZENDESK_BASE_URL}; the local runtime and tests point it at the Zendesk fake). The REST client's
     * {@code quarkus.rest-client.zendesk.url} is taken from it.
     */
    @WithDefault("https://hearken-unconfigured.zendesk.com")
    String baseUrl();

    /**
     * Secrets Manager id (name or ARN) of the JSON secret {@code {"webhookSigningSecret","apiEmail","apiToken"}}
     * (env {@code HEARKEN_ZENDESK_SECRET_ID}, set by the CDK stack). Cached like every secret
     * ({@code hearken.secrets.cache-ttl}).
     */
    @WithDefault("hearken/zendesk")
    String secretId();

    /** Incoming webhooks (ticket-classify's webhook function). */
    Webhook webhook();

    interface Webhook {

        /**
         * Largest accepted difference between the signature timestamp and now, either way: older
         * deliveries are replays. Zendesk defines no window (zendesk.md §8); five minutes is ours.
         * Only the local runtime widens it, because it replays {@code events/} samples whose
         * timestamps are fixed (see the Zendesk fake).
         */
        @WithDefault("5m")
        Duration tolerance();

        /**
         * After a signature mismatch, the secret is re-read at most this often: a rotated secret is
         * picked up at once, while a flood of forged requests cannot hammer Secrets Manager.
         */
        @WithName("secret-refresh-interval")
        @WithDefault("30s")
        Duration secretRefreshInterval();
    }
}
