package dev.hearken.integration;

import java.time.Duration;
import java.util.Objects;

/**
 * The service said "not now" (HTTP 429/503 with or without {@code Retry-After}, or our own budget for it is
 * spent): try again after {@link #retryAfter()}, without sleeping in the function.
 */
public final class RateLimitedException extends IntegrationException {

    private final Duration retryAfter;

    public RateLimitedException(String service, Duration retryAfter) {
        super(service, "rate limited; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
