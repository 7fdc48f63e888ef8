package dev.hearken.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one reader of an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 * Every client of an external service turns a 429/503 into a {@link RateLimitedException} through this class, so
 * all of them read the header the same way and fall back to the same per-service default when it is absent.
 */
public final class RetryAfter {

    /** Longest wait honoured: a bogus header must not park work for days (SQS visibility caps at 12 h anyway). */
    public static final Duration MAX = Duration.ofHours(12);

    private RetryAfter() {
    }

    /**
     * The wait the header asks for: delay-seconds, or the time until an HTTP-date (never negative), clamped to
     * {@link #MAX}; empty when the header is absent or unreadable.
     */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(clamp(Duration.ofSeconds(Long.parseLong(value))));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Optional.of(MAX);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(clamp(wait.isNegative() ? Duration.ZERO : wait));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** {@link #parse(String, Clock)} with the system clock. */
    public static Optional<Duration> parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    /** The header's wait, or {@code fallback} when it is absent or unreadable. */
    public static Duration orDefault(String header, Duration fallback) {
        return parse(header).orElse(fallback);
    }

    private static Duration clamp(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
