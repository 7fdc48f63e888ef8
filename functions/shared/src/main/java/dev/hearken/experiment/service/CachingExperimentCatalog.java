package dev.hearken.experiment.service;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.port.ExperimentCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a snapshot of the whole catalogue in memory so a steady-state assignment costs no read.
 *
 * <p>Trade-offs: a changed definition (a new weight, a rolled-out winner) is seen by a warm
 * function at most {@code ttl} later. A key that is not in the snapshot triggers an early refresh,
 * but at most once per {@code missRefreshInterval}, so a burst of requests for a nonexistent key
 * cannot turn into a burst of reads. If a refresh fails while a snapshot exists, the stale snapshot
 * keeps serving (assignment is deterministic, so stale definitions give the same answers they gave
 * before) and the next call retries; without any snapshot the failure propagates.
 */
public final class CachingExperimentCatalog {

    private static final System.Logger LOG = System.getLogger(CachingExperimentCatalog.class.getName());

    private final ExperimentCatalog source;
    private final Clock clock;
    private final Duration ttl;
    private final Duration missRefreshInterval;

    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, Experiment> byKey, Instant loadedAt) {}

    public CachingExperimentCatalog(
            ExperimentCatalog source, Clock clock, Duration ttl, Duration missRefreshInterval) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.missRefreshInterval = Objects.requireNonNull(missRefreshInterval, "missRefreshInterval");
    }

    /** The experiment with this key, if the catalogue has it. */
    public Optional<Experiment> find(String key) {
        Snapshot current = current();
        Experiment found = current.byKey().get(key);
        if (found == null && age(current).compareTo(missRefreshInterval) >= 0) {
            found = refresh(current).byKey().get(key);
        }
        return Optional.ofNullable(found);
    }

    /** Every experiment in the catalogue, in a stable order. */
    public Collection<Experiment> all() {
        return current().byKey().values();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || age(current).compareTo(ttl) >= 0) {
            current = refresh(current);
        }
        return current;
    }

    private synchronized Snapshot refresh(Snapshot seen) {
        if (snapshot != seen) {
            return snapshot; // another thread refreshed while we waited
        }
        try {
            Map<String, Experiment> byKey = new LinkedHashMap<>();
            for (Experiment e : source.all()) {
                byKey.put(e.key(), e);
            }
            snapshot = new Snapshot(Collections.unmodifiableMap(byKey), clock.instant());
        } catch (RuntimeException e) {
            if (seen == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING,
                    "experiment catalogue refresh failed, serving the previous snapshot: {0}",
                    e.getClass().getSimpleName());
            snapshot = new Snapshot(seen.byKey(), clock.instant().minus(ttl).plus(missRefreshInterval));
        }
        return snapshot;
    }

    private Duration age(Snapshot s) {
        return Duration.between(s.loadedAt(), clock.instant());
    }
}
