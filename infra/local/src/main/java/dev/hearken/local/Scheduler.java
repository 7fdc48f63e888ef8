package dev.hearken.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge scheduled rules of the template, fired locally: {@link #fire} sends one "Scheduled
 * Event" (or the target's constant input) now; {@link #start} fires {@code rate(...)} rules at their
 * rate. {@code cron(...)} rules are fired only on demand — a local run is minutes long, and the
 * "fire now" endpoint of the gateway covers testing them.
 */
final class Scheduler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final List<LocalTemplate.Schedule> schedules;
    private final BiConsumer<LocalTemplate.Schedule, String> deliver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("schedules").factory());

    /** @param deliver (schedule, event JSON) → invoke the target function */
    Scheduler(List<LocalTemplate.Schedule> schedules, BiConsumer<LocalTemplate.Schedule, String> deliver) {
        this.schedules = schedules;
        this.deliver = deliver;
    }

    List<LocalTemplate.Schedule> schedules() {
        return schedules;
    }

    /** Fires the rule named {@code ruleName} now; false when there is no such rule. */
    boolean fire(String ruleName) {
        for (LocalTemplate.Schedule s : schedules) {
            if (s.ruleName().equals(ruleName)) {
                deliver.accept(s, event(s));
                return true;
            }
        }
        return false;
    }

    /** Fires every rate(...) rule at its rate from now on. */
    void start() {
        for (LocalTemplate.Schedule s : schedules) {
            Duration every = rate(s.expression());
            if (every != null) {
                timer.scheduleAtFixedRate(() -> deliver.accept(s, event(s)),
                        every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    static Duration rate(String expression) {
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The event EventBridge sends to a scheduled rule's target (aws-events.md), or its constant input. */
    static String event(LocalTemplate.Schedule s) {
        if (s.input() != null) {
            return s.input();
        }
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", "aws.events");
        e.put("account", "000000000000");
        e.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("region", "us-east-1");
        e.putArray("resources").add("arn:aws:events:us-east-1:000000000000:rule/" + s.ruleName());
        e.putObject("detail");
        return e.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
