package dev.hearken.infra.constructs;

import java.time.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The two alarms every dead-letter queue has: anything in it (depth ≥ 1), and a message left in it too
 * long ({@link #AGE_ALARM}).
 *
 * <p>Why an age alarm besides the depth alarm: the depth alarm stays in ALARM while the queue holds
 * anything, so it notifies once; the age alarm is the reminder before data is lost. For standard queues
 * SQS expires a message by its <em>original</em> enqueue time, while {@code ApproximateAgeOfOldestMessage}
 * of a DLQ counts from the move
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html">DLQ retention</a>).
 * A Hearken message reaches a DLQ within about 2.5 days of its first send at the latest (5 receives, a
 * visibility of at most 11 h 45 min each), so after {@link #AGE_ALARM} in the DLQ it still has at least
 * 14 − 2.5 − 3 = 8.5 days before SQS deletes it.
 */
public final class DeadLetterAlarms {

    /** Time in a DLQ after which its age alarm fires. */
    public static final Duration AGE_ALARM = Duration.ofDays(3);

    private DeadLetterAlarms() {
    }

    /** Alarms as soon as {@code deadLetterQueue} holds a message. */
    public static Alarm notEmpty(Construct scope, String id, Queue deadLetterQueue, String alarmName, String description) {
        return Alarm.Builder.create(scope, id)
                .alarmName(alarmName)
                .alarmDescription(description)
                .metric(deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(software.amazon.awscdk.Duration.minutes(1))
                        .statistic("Maximum")
                        .build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /** Alarms when the oldest message has been in {@code deadLetterQueue} for {@link #AGE_ALARM}. */
    public static Alarm tooOld(Construct scope, String id, Queue deadLetterQueue, String alarmName, String description) {
        return Alarm.Builder.create(scope, id)
                .alarmName(alarmName)
                .alarmDescription(description)
                .metric(deadLetterQueue.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .period(software.amazon.awscdk.Duration.minutes(5))
                        .statistic("Maximum")
                        .build()))
                .threshold(AGE_ALARM.toSeconds())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
