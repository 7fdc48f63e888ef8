package dev.hearken.autoreply.domain;

import java.time.Duration;

/** The channel said "not now" (HTTP 429, or our own daily cap is spent): try again after {@link #retryAfter()}. */
public class RateLimitedException extends RuntimeException {

    private final String channel;
    private final Duration retryAfter;

    public RateLimitedException(String channel, Duration retryAfter) {
        super(channel + " rate limited, retry after " + retryAfter.toSeconds() + " s");
        this.channel = channel;
        this.retryAfter = retryAfter;
    }

    public String channel() {
        return channel;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
