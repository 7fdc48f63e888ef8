package dev.hearken.push.function;

import dev.hearken.push.config.PushTime;
import dev.hearken.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Replaces push-send's decision clock in tests, so quiet hours and cap days do not depend on when tests run. */
@ApplicationScoped
public class TestClock {

    /** 15:00 UTC: midday in São Paulo and New York, 16:00 in Berlin, midnight (quiet) in Tokyo. */
    static final Instant START = Instant.parse("2026-03-20T15:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);

    @Produces
    @Singleton
    @PushTime
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
