package dev.hearken.local;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * EventBridge Scheduler's one-time schedules ({@code at(...)}) with an SQS target, fired locally: the
 * emulator keeps schedules but never fires them. {@link #fireDue} sends each due schedule's input to
 * the queue its target ARN names and deletes the schedule, as {@code ActionAfterCompletion: DELETE}
 * does in AWS; {@link #start} does that every few seconds ({@code make run ARGS=--keep-running}).
 */
final class OneTimeSchedules implements AutoCloseable {

    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    /** A schedule waiting to fire. */
    record Pending(String group, String name, Instant at, String queue) {}

    private final SchedulerClient scheduler;
    private final SqsClient sqs;
    private final Collection<String> groups;
    private final Map<String, String> queueUrls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("one-time-schedules").factory());

    /** @param queueUrls queue name → URL in the emulator */
    OneTimeSchedules(SchedulerClient scheduler, SqsClient sqs, Collection<String> groups, Map<String, String> queueUrls) {
        this.scheduler = scheduler;
        this.sqs = sqs;
        this.groups = List.copyOf(groups);
        this.queueUrls = Map.copyOf(queueUrls);
    }

    /** Every one-time schedule with an SQS target in the template's groups, soonest first. */
    List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        for (String group : groups) {
            for (ScheduleSummary summary : scheduler.listSchedulesPaginator(b -> b.groupName(group)).schedules()) {
                GetScheduleResponse s = scheduler.getSchedule(b -> b.groupName(group).name(summary.name()));
                Instant at = at(s);
                String arn = s.target() == null ? null : s.target().arn();
                if (at != null && arn != null && arn.startsWith("arn:aws:sqs:")) {
                    out.add(new Pending(group, s.name(), at, arn.substring(arn.lastIndexOf(':') + 1)));
                }
            }
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    /** Fires every schedule due at {@code now}; returns how many. */
    int fireDue(Instant now) {
        int fired = 0;
        for (Pending p : pending()) {
            if (p.at().isAfter(now)) {
                break;
            }
            String url = queueUrls.get(p.queue());
            if (url == null) {
                continue; // not a queue of the template: leave it alone
            }
            String input;
            try {
                input = scheduler.getSchedule(b -> b.groupName(p.group()).name(p.name())).target().input();
                scheduler.deleteSchedule(b -> b.groupName(p.group()).name(p.name()));
            } catch (ResourceNotFoundException gone) {
                continue; // fired by another tick
            }
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(input));
            fired++;
        }
        return fired;
    }

    /** Fires due schedules every {@code seconds}. */
    void start(int seconds) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                fireDue(Instant.now());
            } catch (RuntimeException e) {
                System.err.println("one-time schedules: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    /** The instant of an {@code at(...)} expression in the schedule's time zone (UTC when unset), else null. */
    static Instant at(GetScheduleResponse schedule) {
        Matcher m = AT.matcher(schedule.scheduleExpression() == null ? "" : schedule.scheduleExpression());
        if (!m.matches()) {
            return null;
        }
        try {
            String zone = schedule.scheduleExpressionTimezone();
            return LocalDateTime.parse(m.group(1)).atZone(zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone))
                    .toInstant();
        } catch (java.time.DateTimeException e) { // also a parse error or an unknown zone
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
