package dev.hearken.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * review-ingest configuration ({@code hearken.review.*}; env {@code HEARKEN_REVIEW_…}). Production values are the
 * defaults; the local runtime and tests point the store APIs at the fakes through the base URLs.
 */
@ConfigMapping(prefix = "hearken.review")
public interface ReviewSettings {

    /** Secrets Manager ids of the credentials and keys. */
    Secrets secrets();

    /** App Store Connect API. */
    AppStore appstore();

    /** Google Play Developer API. */
    GooglePlay googleplay();

    /** The scheduled pull. */
    Poll poll();

    /** Privacy/legal reviews handed to a person. */
    Escalation escalation();

    /** Classpath resource with the reply rules (a JSON array of {@code ReplyRule}). */
    @WithDefault("review-reply-rules.json")
    String replyRules();

    /** How long a reviewer marker of the impact counters is kept (late re-deliveries older than this may recount). */
    @WithDefault("P90D")
    Duration impactMarkerRetention();

    /**
     * How long the configured apps are cached in a warm function, hence how long an operator's change to an app takes
     * to reach the poller and the worker (secrets: {@code hearken.secrets.cache-ttl}). A scan of a handful of items a
     * minute per warm instance costs nothing.
     */
    @WithDefault("PT1M")
    Duration cacheTtl();

    interface Secrets {
        /** JSON {@code {"authorHmacKey": "…"}}: the key that pseudonymises reviewers. */
        @WithDefault("hearken/review-pseudonym")
        String pseudonym();

        /** JSON {@code {"webhookToken": "…"}}: the shared token AppFollow puts in the webhook URL. */
        @WithDefault("hearken/appfollow")
        String appfollow();

        /** JSON {@code {"issuerId", "keyId", "privateKey"}} (PKCS#8 PEM of the .p8 team key). */
        @WithDefault("hearken/appstore")
        String appstore();

        /** The Google service-account key file JSON ({@code client_email}, {@code private_key}, …). */
        @WithDefault("hearken/googleplay")
        String googleplay();
    }

    interface AppStore {
        /** Base URL of the API. */
        @WithDefault("https://api.appstoreconnect.apple.com")
        URI baseUrl();

        /** Reviews per page ({@code limit}, at most 200). */
        @WithDefault("200")
        int pageSize();

        /** Wait after a 429 (Apple documents no Retry-After) or when the hourly quota is nearly spent. */
        @WithDefault("PT5M")
        Duration backoff();

        /** Stop paging when {@code X-Rate-Limit user-hour-rem} falls below this, leaving room for auto-reply. */
        @WithDefault("100")
        int minRemaining();
    }

    interface GooglePlay {
        /** Base URL of the API. */
        @WithDefault("https://androidpublisher.googleapis.com")
        URI baseUrl();

        /** OAuth 2.0 token endpoint (also the JWT audience). */
        @WithDefault("https://oauth2.googleapis.com/token")
        URI tokenUrl();

        /** Reviews per page ({@code maxResults}). */
        @WithDefault("100")
        int pageSize();

        /** Wait after a 429 without Retry-After. */
        @WithDefault("PT5M")
        Duration backoff();
    }

    /**
     * Links to a review in the escalation ticket. Neither store API returns a link a person can open, and the
     * contracts give none: these templates are ours ({@code {appId}} and {@code {reviewId}} are URL-encoded), so
     * check them against your consoles; {@code none} = no link. AppFollow text messages use their own permalink.
     */
    interface Escalation {
        /**
         * App Store reviews: App Store Connect's Ratings and Reviews page of the app (App Store Connect has no page
         * per review; the ticket names the review id). [Unverified path: App Store Connect renamed "App Store" to
         * "Distribution" in its URLs; check yours.]
         */
        @WithDefault("https://appstoreconnect.apple.com/apps/{appId}/distribution/activity/ios/ratingsResultsAll")
        String appstoreLink();

        /**
         * Google Play reviews: the review on the public store page ({@code reviewId} opens it there). A Play Console
         * link needs your developer account id and the console's own app id, which the API does not give; put a
         * console URL here if you have one per account.
         */
        @WithDefault("https://play.google.com/store/apps/details?id={appId}&reviewId={reviewId}")
        String googleplayLink();
    }

    interface Poll {
        /** Time one run may spend pulling before it saves its position and stops; keep well below the function timeout. */
        @WithDefault("PT90S")
        Duration timeBudget();

        /** Timeout of one HTTP request to a store. */
        @WithDefault("PT20S")
        Duration requestTimeout();
    }
}
