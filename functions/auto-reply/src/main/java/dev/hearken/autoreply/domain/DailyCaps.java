package dev.hearken.autoreply.domain;

import java.time.LocalDate;

/** Port: per-channel, per-app, per-UTC-day counters, incremented atomically. */
public interface DailyCaps {

    /** Takes one unit of today's budget for {@code channel}/{@code scope}; {@code false} when {@code limit} is spent. */
    boolean tryTake(String channel, String scope, LocalDate day, int limit);
}
