package dev.hearken.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.EventBridgeParameters;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * EventBridge Scheduler's one-time schedules ({@code at(...)}) fired locally: the emulator keeps schedules but
 * never fires them. {@link #fireDue} sends each due schedule's input to the queue its target ARN names (long push
 * deferrals), or puts it as an event on the bus its target ARN names (campaign schedules: EventBridge
 * {@code PutEvents} with the target's source and detail-type, the input as the detail), and deletes the schedule,
 * as {@code ActionAfterCompletion: DELETE} does in AWS; {@link #start} does that every few seconds
 * ({@code make run ARGS=--keep-running}). Events go to {@code bus}, which delivers them as the template's rules do.
 */
final class OneTimeSchedules implements AutoCloseable {

    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    /**
     * A schedule waiting to fire.
     *
     * @param queue the target queue's name, or {@code null} for an event-bus target
     * @param bus   the target bus's name ({@code default}), or {@code null} for a queue target
     */
    record Pending(String group, String name, Instant at, String queue, String bus) {

        /** Where it goes, for the report: the queue, or {@code event-bus/<name>}. */
        String target() {
            return queue != null ? queue : "event-bus/" + bus;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchedulerClient scheduler;
    private final SqsClient sqs;
    private final Collection<String> groups;
    private final Map<String, String> queueUrls;
    private final Consumer<String> bus;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("one-time-schedules").factory());

    /**
     * @param queueUrls queue name → URL in the emulator
     * @param bus       takes an EventBridge event (JSON) put on a bus and delivers it to the rules that match it
     */
    OneTimeSchedules(SchedulerClient scheduler, SqsClient sqs, Collection<String> groups, Map<String, String> queueUrls,
            Consumer<String> bus) {
        this.scheduler = scheduler;
        this.sqs = sqs;
        this.groups = List.copyOf(groups);
        this.queueUrls = Map.copyOf(queueUrls);
        this.bus = bus;
    }

    /** Every one-time schedule with an SQS or event-bus target in the template's groups, soonest first. */
    List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        for (String group : groups) {
            for (ScheduleSummary summary : scheduler.listSchedulesPaginator(b -> b.groupName(group)).schedules()) {
                GetScheduleResponse s = scheduler.getSchedule(b -> b.groupName(group).name(summary.name()));
                Instant at = at(s);
                String arn = s.target() == null ? null : s.target().arn();
                if (at != null && arn != null && arn.startsWith("arn:aws:sqs:")) {
                    out.add(new Pending(group, s.name(), at, arn.substring(arn.lastIndexOf(':') + 1), null));
                } else if (at != null && arn != null && arn.startsWith("arn:aws:events:") && arn.contains(":event-bus/")) {
                    out.add(new Pending(group, s.name(), at, null, arn.substring(arn.indexOf(":event-bus/") + 11)));
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
            String url = p.queue() == null ? null : queueUrls.get(p.queue());
            if (p.queue() != null && url == null) {
                continue; // not a queue of the template: leave it alone
            }
            Target target;
            try {
                target = scheduler.getSchedule(b -> b.groupName(p.group()).name(p.name())).target();
                scheduler.deleteSchedule(b -> b.groupName(p.group()).name(p.name()));
            } catch (ResourceNotFoundException gone) {
                continue; // fired by another tick
            }
            if (url != null) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(target.input()));
            } else {
                bus.accept(event(p, target, now));
            }
            fired++;
        }
        return fired;
    }

    /**
     * The event EventBridge Scheduler puts for a {@code PutEvents} target: the target's source and detail-type, its
     * input as the detail (Scheduler requires a JSON object there), the schedule's ARN as the resource.
     */
    static String event(Pending p, Target target, Instant now) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        EventBridgeParameters parameters = target.eventBridgeParameters();
        event.put("detail-type", parameters == null ? "Scheduled Event" : parameters.detailType());
        event.put("source", parameters == null ? "aws.scheduler" : parameters.source());
        event.put("account", "000000000000");
        event.put("time", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:scheduler:us-east-1:000000000000:schedule/" + p.group() + "/" + p.name());
        try {
            event.set("detail", target.input() == null ? JSON.createObjectNode() : JSON.readTree(target.input()));
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("schedule " + p.name() + ": its input is not JSON", e);
        }
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
