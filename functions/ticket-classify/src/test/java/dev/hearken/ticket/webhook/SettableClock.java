package dev.hearken.ticket.webhook;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The module's clock in tests that select it (a test profile's enabled alternative): it shows what the test sets. */
@Alternative
@Singleton
public class SettableClock extends Clock {

    private volatile Instant now = Instant.EPOCH;

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
