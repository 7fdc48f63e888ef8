package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static UserProfile user(String zone) {
        return new UserProfile("u-1", "en", ZoneId.of(zone), Set.of(), QuietHours.DEFAULT, null, Map.of());
    }

    private static PushMessage message(Priority priority, Instant notBefore) {
        return new PushMessage("u-1", "onboarding", priority, "onboarding-day1", Map.of(), ChannelPreference.PUSH,
                notBefore, "k-1");
    }

    @Test
    void a_lifecycle_message_at_23_local_time_is_deferred_to_8_the_next_morning() {
        // 2026-03-20T02:00Z is 23:00 on the 19th in São Paulo (UTC-3)
        Instant now = Instant.parse("2026-03-20T02:00:00Z");

        Optional<Instant> at = Timing.sendAt(message(Priority.LIFECYCLE, null), user("America/Sao_Paulo"), now);

        assertThat(at).contains(Instant.parse("2026-03-20T11:00:00Z"));
    }

    @Test
    void the_same_instant_is_daytime_in_tokyo_so_the_message_goes_now() {
        Instant now = Instant.parse("2026-03-20T02:00:00Z"); // 11:00 in Tokyo

        assertThat(Timing.sendAt(message(Priority.PROMOTIONAL, null), user("Asia/Tokyo"), now)).isEmpty();
    }

    @Test
    void quiet_hours_before_midnight_end_the_next_day_and_after_midnight_end_the_same_day() {
        QuietHours q = QuietHours.DEFAULT;
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(q.endOfQuietAt(Instant.parse("2026-01-10T22:30:00Z"), berlin)) // 23:30 local
                .contains(Instant.parse("2026-01-11T07:00:00Z"));
        assertThat(q.endOfQuietAt(Instant.parse("2026-01-11T01:00:00Z"), berlin)) // 02:00 local
                .contains(Instant.parse("2026-01-11T07:00:00Z"));
        assertThat(q.endOfQuietAt(Instant.parse("2026-01-11T07:00:00Z"), berlin)).isEmpty(); // 08:00 exactly
    }

    @Test
    void across_the_spring_forward_night_the_window_still_ends_at_8_local_which_is_one_hour_earlier_in_utc() {
        // Europe/Berlin switches to CEST at 02:00 on 2026-03-29: 08:00 local is 06:00Z, not 07:00Z.
        Instant lateSaturday = Instant.parse("2026-03-28T22:30:00Z"); // 23:30 CET

        assertThat(QuietHours.DEFAULT.endOfQuietAt(lateSaturday, ZoneId.of("Europe/Berlin")))
                .contains(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void an_end_time_inside_the_dst_gap_moves_forward_by_the_gap() {
        // New York springs forward 02:00 -> 03:00 on 2026-03-08; a window ending 02:30 ends at 03:30 EDT.
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        Instant night = Instant.parse("2026-03-08T05:00:00Z"); // 00:00 EST

        assertThat(q.endOfQuietAt(night, ZoneId.of("America/New_York")))
                .contains(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void on_the_fall_back_night_the_window_ends_at_the_first_8_am() {
        // Berlin falls back 03:00 -> 02:00 on 2026-10-25; 08:00 CET = 07:00Z.
        Instant night = Instant.parse("2026-10-24T23:00:00Z"); // 01:00 CEST

        assertThat(QuietHours.DEFAULT.endOfQuietAt(night, ZoneId.of("Europe/Berlin")))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void transactional_messages_ignore_quiet_hours_but_not_their_not_before() {
        Instant now = Instant.parse("2026-03-20T02:00:00Z");
        UserProfile sleeping = user("America/Sao_Paulo");

        assertThat(Timing.sendAt(message(Priority.TRANSACTIONAL, null), sleeping, now)).isEmpty();
        assertThat(Timing.sendAt(message(Priority.TRANSACTIONAL, now.plusSeconds(60)), sleeping, now))
                .contains(now.plusSeconds(60));
    }

    @Test
    void a_not_before_that_lands_in_quiet_hours_is_pushed_to_the_end_of_them() {
        Instant now = Instant.parse("2026-03-19T20:00:00Z"); // 17:00 in São Paulo
        Instant notBefore = Instant.parse("2026-03-20T01:30:00Z"); // 22:30 local

        assertThat(Timing.sendAt(message(Priority.LIFECYCLE, notBefore), user("America/Sao_Paulo"), now))
                .contains(Instant.parse("2026-03-20T11:00:00Z"));
    }

    @Test
    void without_schedules_a_long_wait_is_split_into_sqs_hops_of_at_most_15_minutes_and_a_short_one_is_rounded_up() {
        Instant now = Instant.parse("2026-03-20T02:00:00Z");
        Duration max = Duration.ofSeconds(900);

        assertThat(Timing.hop(now, now.plus(Duration.ofHours(9)), max, false)).isEqualTo(new Hop.Delay(Duration.ofSeconds(900)));
        assertThat(Timing.hop(now, now.plusMillis(1500), max, false)).isEqualTo(new Hop.Delay(Duration.ofSeconds(2)));
        assertThat(Timing.hop(now, now, max, false)).isEqualTo(new Hop.Delay(Duration.ofSeconds(1)));
    }

    @Test
    void with_schedules_a_wait_of_up_to_15_minutes_is_still_an_sqs_delay() {
        Instant now = Instant.parse("2026-03-20T02:00:00Z");
        Duration max = Duration.ofSeconds(900);

        assertThat(Timing.hop(now, now.plusSeconds(900), max, true)).isEqualTo(new Hop.Delay(Duration.ofSeconds(900)));
        assertThat(Timing.hop(now, now.plusSeconds(899).plusMillis(1), max, true)).isEqualTo(new Hop.Delay(Duration.ofSeconds(900)));
        assertThat(Timing.hop(now, now.plusSeconds(42), max, true)).isEqualTo(new Hop.Delay(Duration.ofSeconds(42)));
    }

    @Test
    void with_schedules_a_longer_wait_is_one_schedule_at_the_send_time_rounded_up_to_the_minute() {
        Instant now = Instant.parse("2026-03-20T02:00:00Z");
        Duration max = Duration.ofSeconds(900);

        // the end of a night of quiet hours falls on a whole minute: exactly then
        assertThat(Timing.hop(now, Instant.parse("2026-03-20T11:00:00Z"), max, true))
                .isEqualTo(new Hop.Scheduled(Instant.parse("2026-03-20T11:00:00Z")));
        // Scheduler fires within the minute it is set for, so a notBefore with seconds moves to the next minute
        assertThat(Timing.hop(now, Instant.parse("2026-03-20T02:15:00.001Z"), max, true))
                .isEqualTo(new Hop.Scheduled(Instant.parse("2026-03-20T02:16:00Z")));
        assertThat(Timing.hop(now, Instant.parse("2026-03-20T05:30:30Z"), max, true))
                .isEqualTo(new Hop.Scheduled(Instant.parse("2026-03-20T05:31:00Z")));
    }

    @Test
    void a_night_in_quiet_hours_becomes_one_schedule_at_8_local_time() {
        // 15:00 UTC is midnight in Tokyo: quiet until 08:00 local, 23:00 UTC
        Instant now = Instant.parse("2026-03-20T15:00:00Z");
        Instant until = Timing.sendAt(message(Priority.PROMOTIONAL, null), user("Asia/Tokyo"), now).orElseThrow();

        assertThat(Timing.hop(now, until, Duration.ofMinutes(15), true))
                .isEqualTo(new Hop.Scheduled(Instant.parse("2026-03-20T23:00:00Z")));
    }

    @Test
    void equal_start_and_end_mean_no_quiet_hours() {
        assertThat(QuietHours.parse("00:00-00:00").contains(LocalTime.NOON)).isFalse();
        assertThat(QuietHours.parse("21:00-07:30").contains(LocalTime.of(7, 29))).isTrue();
    }
}
