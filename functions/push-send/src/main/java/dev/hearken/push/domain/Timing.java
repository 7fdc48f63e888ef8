package dev.hearken.push.domain;

import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.PushMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a message may go out: not before its {@code notBefore}, and for restricted priorities
 * (lifecycle, promotional) not inside the user's quiet hours. Transactional messages ignore quiet
 * hours but still honour {@code notBefore}. So do e-mail-only messages ({@code channel: email}): a
 * mail waits silently in the inbox instead of waking anyone, and mail sent at night is read in the
 * morning. {@code push-then-email} may become a push, so quiet hours apply to it.
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
     * The SQS delay for one hop towards {@code until}: the remaining wait, rounded up to whole
     * seconds, at most {@code maxDelay} (SQS allows 15 minutes). Longer waits are a chain of
     * re-enqueues, each hop re-checking the timing, so a change of time zone or quiet hours in
     * between is honoured and nothing is dropped.
     */
    public static Duration hop(Instant now, Instant until, Duration maxDelay) {
        long millis = Duration.between(now, until).toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        return Duration.ofSeconds(Math.min(seconds, maxDelay.toSeconds()));
    }
}
