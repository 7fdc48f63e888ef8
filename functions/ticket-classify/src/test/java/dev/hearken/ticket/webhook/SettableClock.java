package dev.hearken.ticket.webhook;

import dev.hearken.testing.MutableClock;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The module's clock in tests that select it (a test profile's enabled alternative): it shows what the test sets. */
@Alternative
@Singleton
public class SettableClock extends MutableClock {

    public SettableClock() {
        super(Instant.EPOCH);
    }
}
