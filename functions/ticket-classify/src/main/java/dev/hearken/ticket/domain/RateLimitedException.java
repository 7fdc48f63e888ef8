package dev.hearken.ticket.domain;

import java.time.Duration;

/** The help desk answered 429: try again after {@link #retryAfter()}, without sleeping in the function. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("rate limited; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
