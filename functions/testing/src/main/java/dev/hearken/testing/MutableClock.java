package dev.hearken.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock tests move by hand: set it, advance it, hand it to anything that takes a {@link Clock}. Safe to read
 * from other threads (a function under test reads it while the test moves it). Always UTC.
 */
public class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** Moves the clock to {@code instant}. */
    public void set(Instant instant) {
        this.now = instant;
    }

    /** Moves the clock forward by {@code by}. */
    public void advance(Duration by) {
        this.now = now.plus(by);
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
        // Tests reason in UTC instants; a zone-shifted copy would stop following set()/advance().
        return this;
    }
}
