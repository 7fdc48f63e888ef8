package dev.hearken.push.domain;

import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.PushMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a message may go out: not before its {@code notBefore}, and for restricted priorities
 * (lifecycle, promotional) not inside the user's quiet hours. Transactional messages ignore quiet
 * hours but still honour {@code notBefore}. So do e-mail-only messages ({@code channel: email}): a
 * mail waits silently in the inbox instead of waking anyone, and mail sent at night is read in the
 * morning. {@code push-then-email} may become a push, so quiet hours apply to it.
 *
 * <p>A message that may not go yet is deferred, never dropped: {@link #hop} decides whether it comes back
 * through an SQS delay or a one-time schedule.
 */
public final class Timing {

    private Timing() {}

    /** The instant the message may be sent, or empty when it may be sent at {@code now}. */
    public static Optional<Instant> sendAt(PushMessage message, UserProfile user, Instant now) {
        Instant earliest = message.notBefore() != null && message.notBefore().isAfter(now) ? message.notBefore() : now;
        if (message.restricted() && message.channel() != ChannelPreference.EMAIL) {
            earliest = user.quietHours().endOfQuietAt(earliest, user.timeZone()).orElse(earliest);
        }
        return earliest.isAfter(now) ? Optional.of(earliest) : Optional.empty();
    }

    /**
     * How a message that may go out at {@code until} comes back. A wait of at most {@code maxDelay} (SQS
     * allows 15 minutes) is one SQS delay ({@link #delay}). A longer wait is one {@linkplain Hop.Scheduled
     * schedule} at {@code until} when {@code schedules} are available — one invocation instead of a chain of
     * 15-minute hops (32 for an 8-hour night) — and otherwise the first hop of that chain. Either way the
     * message is processed normally when it is back: the timing is checked again, so a new time zone or
     * new quiet hours are honoured, and a schedule that fires early (clock skew) costs one short SQS hop.
     *
     * <p>The schedule is set at {@code until} rounded up to the whole minute: EventBridge Scheduler invokes
     * with 60-second precision (a schedule for 1:00 fires between 1:00:00 and 1:00:59), so the rounded time
     * never fires before {@code until} and is at most about a minute late. Chosen over scheduling a minute
     * early and letting a short SQS hop cover the rest: that is exact to the second but costs every
     * deferred message a second invocation at the busiest moment (the end of the night in a time zone),
     * for a precision quiet hours and {@code notBefore} do not need — both only say "not before".
     */
    public static Hop hop(Instant now, Instant until, Duration maxDelay, boolean schedules) {
        Duration wait = roundedUp(Duration.between(now, until));
        if (!schedules || wait.compareTo(maxDelay) <= 0) {
            return new Hop.Delay(delay(now, until, maxDelay));
        }
        Instant minute = until.truncatedTo(ChronoUnit.MINUTES);
        return new Hop.Scheduled(minute.equals(until) ? minute : minute.plus(Duration.ofMinutes(1)));
    }

    /**
     * The SQS delay of one hop towards {@code until}: the remaining wait, rounded up to whole seconds, at
     * least 1 s and at most {@code maxDelay}. A longer wait without schedules is a chain of such re-enqueues,
     * each hop re-checking the timing, so nothing is dropped.
     */
    public static Duration delay(Instant now, Instant until, Duration maxDelay) {
        long seconds = Math.max(1, roundedUp(Duration.between(now, until)).toSeconds());
        return Duration.ofSeconds(Math.min(seconds, maxDelay.toSeconds()));
    }

    private static Duration roundedUp(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofSeconds(Math.max(0, (millis + 999) / 1000));
    }
}
