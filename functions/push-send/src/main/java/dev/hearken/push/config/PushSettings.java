package dev.hearken.push.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** push-send's configuration (prefix {@code hearken.push}); every key has a production default. */
@ConfigMapping(prefix = "hearken.push")
public interface PushSettings {

    /** Frequency caps across programs, per user, in the user's local calendar. */
    Caps caps();

    /** Longest SQS delay of one deferral hop (SQS allows at most 900 s). */
    @WithDefault("900s")
    Duration maxDelay();

    /** How long a worker holds a message key; longer than one message takes to send. */
    @WithDefault("60s")
    Duration lease();

    /** Retry delay for a retryable provider error without Retry-After (FCM advises ≥ 1 min on quota errors). */
    @WithDefault("60s")
    Duration defaultRetry();

    /** How long delivery records are kept (TTL). */
    @WithDefault("90d")
    Duration deliveryRetention();

    /** How long message keys are remembered (TTL); longer than any message can be redelivered or deferred. */
    @WithDefault("30d")
    Duration ledgerRetention();

    /** How long a warm function serves templates from memory before re-reading them. */
    @WithDefault("60s")
    Duration templateCacheTtl();

    /** Delivery records are spread over this many partitions per program and day (hot-key protection). */
    @WithDefault("8")
    int deliveryShards();

    /** Timeout of one HTTP call to FCM, APNs or the token endpoint. */
    @WithDefault("5s")
    Duration httpTimeout();

    /**
     * Sends in flight at the same time per provider (FCM, APNs) and function instance; keep it at or below the
     * provider's HTTP/2 {@code SETTINGS_MAX_CONCURRENT_STREAMS} (RFC 9113 recommends servers allow ≥ 100).
     */
    @WithDefault("100")
    int maxConcurrentSends();

    Worker worker();

    Fcm fcm();

    Apns apns();

    Campaign campaign();

    Deferrals deferrals();

    /** Caps: promotional limits must not exceed lifecycle limits (lifecycle beats promotional). */
    interface Caps {
        /** Pushes a day after which lifecycle messages are capped. */
        @WithDefault("3")
        int lifecyclePerDay();

        /** Pushes a day after which promotional messages are capped. */
        @WithDefault("2")
        int promotionalPerDay();

        /** Pushes an ISO week after which lifecycle messages are capped. */
        @WithDefault("10")
        int lifecyclePerWeek();

        /** Pushes an ISO week after which promotional messages are capped. */
        @WithDefault("5")
        int promotionalPerWeek();
    }

    /** The SQS worker ({@code send}). */
    interface Worker {
        /**
         * Records of a batch processed at the same time per function instance (the rest wait for a slot).
         * At least the event source's batch size, so a batch takes about as long as its slowest record.
         */
        @WithDefault("100")
        int maxInFlight();
    }

    /** Firebase Cloud Messaging HTTP v1. */
    interface Fcm {
        /** API base URL; the local runtime points it at the FCM fake ({@code HEARKEN_PUSH_FCM_BASE_URL}). */
        @WithDefault("https://fcm.googleapis.com")
        String baseUrl();

        /** OAuth2 token endpoint; when absent, the service account's {@code token_uri}. */
        Optional<String> tokenUri();

        /** Secrets Manager secret holding the service-account JSON. */
        @WithDefault("hearken/fcm")
        String secretId();

        /** Refresh the access token this long before it expires. */
        @WithDefault("5m")
        Duration refreshMargin();
    }

    /** Apple Push Notification service, token-based. */
    interface Apns {
        /** API base URL ({@code https://api.sandbox.push.apple.com} for development builds). */
        @WithDefault("https://api.push.apple.com")
        String baseUrl();

        /** Secrets Manager secret holding {@code {"teamId","keyId","privateKey","topic"}}. */
        @WithDefault("hearken/apns")
        String secretId();

        /** Age at which the provider JWT is replaced: Apple rejects it after 60 min and refuses refreshes more often than every 20 min. */
        @WithDefault("50m")
        Duration tokenRefresh();

        /**
         * PEM file of the certificates APNs connections trust <em>instead of</em> the JVM's default trust
         * store. Unset in production (Apple's certificate chains to a public CA); tests and the local
         * runtime set it to the APNs fake's self-signed certificate
         * ({@code HEARKEN_PUSH_APNS_TRUST_CERTIFICATES}, given by the fake).
         */
        Optional<String> trustCertificates();
    }

    /**
     * Deferrals longer than {@code max-delay} (quiet hours, a distant {@code notBefore}) as one-time
     * EventBridge Scheduler schedules that put the message back on the push queue at its send time. Off,
     * or without a role, they are a chain of SQS re-enqueues of {@code max-delay} each.
     */
    interface Deferrals {
        /** Whether long waits become schedules; the CDK stack turns it on ({@code HEARKEN_PUSH_DEFERRALS_ENABLED}). */
        @WithDefault("false")
        boolean enabled();

        /** Schedule group of the deferral schedules ({@code HEARKEN_PUSH_DEFERRALS_GROUP}, declared by the CDK stack). */
        @WithDefault("hearken-push-deferrals")
        String group();

        /**
         * Role Scheduler assumes to send a message to the push queue, which may do nothing else
         * ({@code HEARKEN_PUSH_DEFERRALS_ROLE_ARN}). Required when enabled; without it long waits stay on
         * the SQS chain, with a warning at start-up.
         */
        Optional<String> roleArn();

        /**
         * ARN of the push queue, the schedules' target ({@code HEARKEN_PUSH_DEFERRALS_QUEUE_ARN}); when absent
         * (tests, local runs) it is asked of SQS once, by the queue's URL.
         */
        Optional<String> queueArn();

        /**
         * ARN of the SQS queue Scheduler sends a deferral to when it cannot deliver it within its retry policy
         * ({@code HEARKEN_PUSH_DEFERRALS_DEAD_LETTER_ARN}, the stack's {@code <prefix>-push-deferrals-dlq}); none
         * (tests, local runs): Scheduler drops such a deferral after 24 hours.
         */
        Optional<String> deadLetterArn();
    }

    /** Campaign fan-out. */
    interface Campaign {
        /** Audience page size (user ids read per DynamoDB query). */
        @WithDefault("500")
        int pageSize();

        /** Concurrent SendMessageBatch calls. */
        @WithDefault("8")
        int parallelism();

        /** Time budget of one invocation before it saves its cursor and hands the run over to its next invocation. */
        @WithDefault("12m")
        Duration budget();

        /** Event bus of "Campaign Continued" hand-overs: the bus the push-campaign rule listens on. */
        @WithDefault("default")
        String eventBus();
    }
}
