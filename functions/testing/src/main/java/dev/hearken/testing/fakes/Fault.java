package dev.hearken.testing.fakes;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * An injected failure: for the next {@code times} requests that match, answer {@code response}
 * instead of the fake's normal behaviour, optionally after {@code delay} (a delay longer than the
 * client's timeout is a timeout).
 */
public record Fault(Predicate<RecordedRequest> matches, int times, Duration delay, FakeResponse response) {

    /** {@code times} answers of 429 with a Retry-After of {@code retryAfterSeconds} on requests whose path contains {@code pathPart}. */
    public static Fault rateLimited(String pathPart, int times, int retryAfterSeconds) {
        return new Fault(r -> r.path().contains(pathPart), times, Duration.ZERO,
                FakeResponse.json(429, "{\"error\":\"TooManyRequests\",\"description\":\"Rate limit exceeded\"}")
                        .withHeader("retry-after", Integer.toString(retryAfterSeconds)));
    }

    /** {@code times} answers with {@code status} on requests whose path contains {@code pathPart}. */
    public static Fault status(String pathPart, int times, int status, String jsonBody) {
        return new Fault(r -> r.path().contains(pathPart), times, Duration.ZERO, FakeResponse.json(status, jsonBody));
    }

    /** {@code times} requests held for {@code delay} before the normal answer (the response is then ignored by a timed-out client). */
    public static Fault slow(String pathPart, int times, Duration delay) {
        return new Fault(r -> r.path().contains(pathPart), times, delay, null);
    }
}
