package dev.hearken.push.port;

import java.time.LocalDate;
import java.util.Map;

/**
 * The program overview's per program and day counters ({@code sends}, {@code deliveries},
 * {@code capped}, {@code deferred}, ...), changed only by atomic adds.
 */
public interface ProgramCounters {

    /** Adds every value of {@code counters} (all &gt; 0) to {@code program}'s counters of the UTC {@code day}, in one write. */
    void add(String program, LocalDate day, Map<String, Long> counters);
}
