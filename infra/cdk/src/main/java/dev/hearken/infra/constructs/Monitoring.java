package dev.hearken.infra.constructs;

import dev.hearken.infra.HearkenSettings;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The one CloudWatch dashboard, {@code <prefix>}: a row per function, queue and HTTP API, each with
 * its traffic, its latency or backlog, and the state of its alarms. The alarms themselves belong to
 * the constructs that own the metric.
 */
public final class Monitoring extends Construct {

    private static final int THIRD = 8;

    private final Dashboard dashboard;

    public Monitoring(Construct scope, String id) {
        super(scope, id);
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(HearkenSettings.of(this).prefix())
                .build();
    }

    /** Adds a row for {@code function}: invocations/errors/throttles, duration, alarms. */
    public Monitoring watch(HearkenFunction function) {
        var fn = function.function();
        return row(
                graph(function.name() + " invocations",
                        List.of(fn.metricInvocations(sum()), fn.metricErrors(sum()), fn.metricThrottles(sum()))),
                graph(function.name() + " duration",
                        List.of(fn.metricDuration(stat("p50")), fn.metricDuration(stat("p99")))),
                alarms(function.name() + " alarms", List.of(function.errorsAlarm(), function.throttlesAlarm())));
    }

    /** Adds a row for {@code queue}: backlog, age of the oldest message, dead letters, alarms. */
    public Monitoring watch(WorkerQueue queue) {
        return row(
                graph(queue.name() + " backlog", List.of(
                        queue.queue().metricApproximateNumberOfMessagesVisible(stat("Maximum")),
                        queue.deadLetterQueue().metricApproximateNumberOfMessagesVisible(stat("Maximum")))),
                graph(queue.name() + " oldest message (s)",
                        List.of(queue.queue().metricApproximateAgeOfOldestMessage(stat("Maximum")))),
                alarms(queue.name() + " alarms",
                        List.of(queue.deadLetterAlarm(), queue.deadLetterAgeAlarm(), queue.oldestMessageAlarm())));
    }

    /** Adds a row for a dead-letter queue without a work queue of its own: depth, age of the oldest message, alarms. */
    public Monitoring watchDeadLetters(String title, Queue deadLetterQueue, List<Alarm> deadLetterAlarms) {
        return row(
                graph(title + " depth", List.of(deadLetterQueue.metricApproximateNumberOfMessagesVisible(stat("Maximum")))),
                graph(title + " oldest message (s)",
                        List.of(deadLetterQueue.metricApproximateAgeOfOldestMessage(stat("Maximum")))),
                alarms(title + " alarms", deadLetterAlarms));
    }

    /** Adds a row for {@code api}: requests and 4xx/5xx, latency. */
    public Monitoring watch(HttpApi api, String title) {
        return row(
                graph(title + " requests",
                        List.of(api.metricCount(sum()), api.metricClientError(sum()), api.metricServerError(sum()))),
                graph(title + " latency",
                        List.of(api.metricLatency(stat("p50")), api.metricLatency(stat("p99")))));
    }

    /** The dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }

    private Monitoring row(IWidget... widgets) {
        dashboard.addWidgets(widgets);
        return this;
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(THIRD).build();
    }

    private static AlarmStatusWidget alarms(String title, List<Alarm> alarms) {
        return AlarmStatusWidget.Builder.create().title(title).alarms(alarms).width(THIRD).build();
    }

    private static MetricOptions sum() {
        return stat("Sum");
    }

    private static MetricOptions stat(String statistic) {
        return MetricOptions.builder().statistic(statistic).build();
    }
}
