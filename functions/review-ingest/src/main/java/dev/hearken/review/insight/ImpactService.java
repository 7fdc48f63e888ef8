package dev.hearken.review.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers "how many distinct users reported this topic for this app since that day" — by default over the last
 * {@value #DEFAULT_DAYS} days, counted in UTC days on the injected clock.
 */
public final class ImpactService {

    /** The understanding library's review topics, lower-case, sorted. */
    public static final List<String> TOPICS =
            List.of("compatibility", "error", "other", "pricing", "protection", "resources", "usage");
    /** The window when the caller names no first day. */
    public static final int DEFAULT_DAYS = 30;

    private final ImpactQuery query;
    private final Clock clock;

    public ImpactService(ImpactQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /**
     * A topic name in its canonical (lower-case) form.
     *
     * @throws IllegalArgumentException when it is none of {@link #TOPICS}
     */
    public static String topic(String name) {
        String topic = name.toLowerCase(Locale.ROOT);
        if (!TOPICS.contains(topic)) {
            throw new IllegalArgumentException("unknown topic");
        }
        return topic;
    }

    /** The report for {@code appId} and {@code topic} since {@code since}, or the last {@value #DEFAULT_DAYS} days. */
    public ImpactReport report(String appId, String topic, Optional<LocalDate> since) {
        return query.since(appId, topic(topic), since.orElseGet(() -> LocalDate.now(clock).minusDays(DEFAULT_DAYS)));
    }
}
