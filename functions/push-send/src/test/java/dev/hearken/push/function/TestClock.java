package dev.hearken.push.function;

import dev.hearken.push.config.PushTime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces push-send's decision clock in tests, so quiet hours and cap days do not depend on when tests run. */
@ApplicationScoped
public class TestClock {

    /** 15:00 UTC: midday in São Paulo and New York, 16:00 in Berlin, midnight (quiet) in Tokyo. */
    static final Instant START = Instant.parse("2026-03-20T15:00:00Z");
    static final Fixed CLOCK = new Fixed(START);

    @Produces
    @Singleton
    @PushTime
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }

    /** A settable clock. */
    static final class Fixed extends Clock {
        private volatile Instant now;

        Fixed(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
