package dev.hearken.push.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily window, in the user's local time, in which restricted messages are not sent, e.g. 22:00 to
 * 08:00. The window may cross midnight ({@code start > end}); {@code start == end} means no quiet hours.
 *
 * <p>Computed on local date-times and converted back with {@link ZonedDateTime#of}, so DST transitions
 * behave as a person would expect: an end time that falls into a spring-forward gap moves forward by
 * the gap, an end time that exists twice on a fall-back night resolves to its first occurrence.
 *
 * @param start first quiet minute (inclusive)
 * @param end   first minute that is no longer quiet (exclusive)
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** 22:00–08:00, the usual default for consumer apps. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Parses {@code "22:00-08:00"}. */
    public static QuietHours parse(String value) {
        String[] parts = value.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 22:00-08:00: " + value);
        }
        return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }

    /** Whether {@code local} is inside the window. */
    public boolean contains(LocalTime local) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * When the window that contains {@code at} ends, or empty when {@code at} is not quiet in {@code zone}.
     */
    public Optional<Instant> endOfQuietAt(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        // Inside the window: it ends today at `end` if `end` is still ahead, otherwise tomorrow.
        LocalDate endDate = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        Instant endsAt = ZonedDateTime.of(endDate, end, zone).toInstant();
        return Optional.of(endsAt.isAfter(at) ? endsAt : at);
    }
}
