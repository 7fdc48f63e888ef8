package dev.hearken.autoreply.store;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.autoreply.domain.RejectedException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.function.Supplier;

/** How a store's HTTP status becomes a domain outcome: 429 → later, other 4xx → never, 5xx → retry. */
final class HttpErrors {

    /**
     * Used when a 429 carries no Retry-After: App Store Connect documents none (its budget is hourly),
     * and Google's is optional.
     */
    static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(5);

    private HttpErrors() {}

    static <T> T call(String channel, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 429) {
                throw new RateLimitedException(channel, retryAfter(e.getResponse().getHeaderString("Retry-After")));
            }
            if (status >= 400 && status < 500 && status != 408) {
                throw new RejectedException(channel + "_" + status);
            }
            throw new IllegalStateException(channel + " answered " + status, e);
        }
    }

    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (RuntimeException e) {
            return DEFAULT_BACKOFF;
        }
    }
}
