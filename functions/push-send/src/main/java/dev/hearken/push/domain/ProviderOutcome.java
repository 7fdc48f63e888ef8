package dev.hearken.push.domain;

import java.time.Duration;

/** What a push provider (FCM, APNs) said about one send, classified for what we do next. */
public sealed interface ProviderOutcome {

    /** Accepted; {@code providerId} is FCM's message name or APNs' {@code apns-id}. */
    record Sent(String providerId) implements ProviderOutcome {}

    /** The token is dead (FCM {@code UNREGISTERED}, APNs 410 / {@code BadDeviceToken}): delete it, never retry. */
    record DeadToken(String reason) implements ProviderOutcome {}

    /** Temporarily refused (quota, overload, 5xx): retry the message after {@code retryAfter}. */
    record Retry(String reason, Duration retryAfter) implements ProviderOutcome {}

    /** The request itself is wrong ({@code INVALID_ARGUMENT}, bad topic, ...): retrying cannot help. */
    record Rejected(String reason) implements ProviderOutcome {}

    /** Short reason for logs and delivery records ({@code fcm:UNREGISTERED}, {@code apns:410:Unregistered}). */
    default String reason() {
        return switch (this) {
            case Sent s -> "sent";
            case DeadToken d -> d.reason();
            case Retry r -> r.reason();
            case Rejected r -> r.reason();
        };
    }
}
