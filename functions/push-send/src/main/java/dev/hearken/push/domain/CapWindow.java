package dev.hearken.push.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * A counting window of the frequency caps, in the user's local calendar: the day
 * ({@code d#2026-03-20}) and the ISO week ({@code w#2026-W12}).
 *
 * @param key       the window's id, the sort key of the counter item
 * @param expiresAt when the counter may be deleted (TTL), a day after the window ends
 */
public record CapWindow(Kind kind, String key, Instant expiresAt) {

    /** Day or week. */
    public enum Kind { DAY, WEEK }

    /** The day and week windows that contain {@code now} for a user in {@code zone}. */
    public static List<CapWindow> at(Instant now, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int weekYear = day.get(IsoFields.WEEK_BASED_YEAR);
        Instant dayEnd = day.plusDays(2).atStartOfDay(zone).toInstant();
        Instant weekEnd = day.plusDays(9).atStartOfDay(zone).toInstant();
        return List.of(
                new CapWindow(Kind.DAY, "d#" + day, dayEnd),
                new CapWindow(Kind.WEEK, String.format("w#%d-W%02d", weekYear, week), weekEnd));
    }
}
