package dev.hearken.infra.constructs;

import dev.hearken.infra.HearkenSettings;
import java.time.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A work queue as every Hearken queue is: SQS-managed encryption, TLS enforced, the queue and its
 * dead-letter queue kept 14 days, a visibility timeout six times the consumer's timeout, and three alarms —
 * anything in the DLQ, a message left in the DLQ too long ({@link DeadLetterAlarms}), and the oldest
 * waiting message getting too old.
 *
 * <p>Six times the timeout is AWS's advice for Lambda consumers: a batch that is retried after a
 * throttle or a timeout must not become visible again while a previous attempt still runs
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html">Lambda with SQS</a>).
 * Keep {@link ConsumerOptions#maxBatchingWindow()} small compared to it, since AWS adds the window to that advice.
 *
 * <p>{@link #consumer} wires the consuming function; {@link #grantSend} a producer.
 */
public final class WorkerQueue extends Construct {

    /** How long the queue and its DLQ keep a message: 14 days, the most SQS allows. */
    public static final software.amazon.awscdk.Duration RETENTION = software.amazon.awscdk.Duration.days(14);

    private final WorkerQueueProps props;
    private final Queue queue;
    private final Queue deadLetterQueue;
    private final Alarm deadLetterAlarm;
    private final Alarm deadLetterAgeAlarm;
    private final Alarm oldestMessageAlarm;

    public WorkerQueue(Construct scope, String id, WorkerQueueProps props) {
        super(scope, id);
        this.props = props;
        HearkenSettings settings = HearkenSettings.of(this);
        String queueName = settings.physicalName(props.name());

        this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .queueName(queueName + "-dlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                // The longest SQS allows: a DLQ is where people look after something went wrong. It must not be
                // shorter than the source queue's, because SQS expires a moved message by its first enqueue time.
                .retentionPeriod(RETENTION)
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                .queueName(queueName)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(seconds(props.visibilityTimeout()))
                // The longest SQS allows (the default is 4 days): a backlog during a long outage must survive it.
                .retentionPeriod(RETENTION)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetterQueue)
                        .maxReceiveCount(props.maxReceiveCount())
                        .build())
                .build();

        this.deadLetterAlarm = DeadLetterAlarms.notEmpty(this, "DeadLetterAlarm", deadLetterQueue,
                queueName + "-dlq-not-empty",
                props.name() + ": messages were dead-lettered; inspect and redrive " + queueName + "-dlq");
        this.deadLetterAgeAlarm = DeadLetterAlarms.tooOld(this, "DeadLetterAgeAlarm", deadLetterQueue,
                queueName + "-dlq-too-old", props.name() + ": a message has waited in " + queueName + "-dlq for "
                        + DeadLetterAlarms.AGE_ALARM.toDays() + " days; redrive or export it before SQS deletes it");
        this.oldestMessageAlarm = Alarm.Builder.create(this, "OldestMessageAlarm")
                .alarmName(queueName + "-oldest-message-age")
                .alarmDescription(props.name() + ": the consumer is falling behind (oldest message older than "
                        + props.oldestMessageAgeAlarm().toSeconds() + " s)")
                .metric(queue.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .period(software.amazon.awscdk.Duration.minutes(1))
                        .statistic("Maximum")
                        .build()))
                .threshold(props.oldestMessageAgeAlarm().toSeconds())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(5)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /**
     * Makes {@code function} the consumer of this queue: an event source mapping that reports
     * partial batch failures, with the given batching and concurrency. Lambda's consume permissions
     * on this queue are granted by the event source.
     *
     * @throws IllegalArgumentException if the function's timeout is longer than the one this queue was sized for
     */
    public WorkerQueue consumer(HearkenFunction function, ConsumerOptions options) {
        Duration needed = function.timeout().multipliedBy(6);
        if (needed.compareTo(props.visibilityTimeout()) > 0) {
            throw new IllegalArgumentException("queue " + props.name() + " has a visibility timeout of "
                    + props.visibilityTimeout().toSeconds() + " s, less than six times " + function.name()
                    + "'s timeout (" + needed.toSeconds() + " s): build the queue with that function's timeout");
        }
        SqsEventSourceProps.Builder source = SqsEventSourceProps.builder()
                .reportBatchItemFailures(true)
                .batchSize(options.batchSize())
                .maxConcurrency(options.maxConcurrency());
        if (!options.maxBatchingWindow().isZero()) {
            source.maxBatchingWindow(seconds(options.maxBatchingWindow()));
        }
        function.function().addEventSource(new SqsEventSource(queue, source.build()));
        return this;
    }

    /** Lets {@code function} send messages here, and tells it the queue URL through {@link #environmentVariable()}. */
    public WorkerQueue grantSend(HearkenFunction function) {
        queue.grantSendMessages(function.function());
        function.addEnvironment(environmentVariable(), queue.getQueueUrl());
        return this;
    }

    /**
     * Lets the consumer {@code function} wait and give up by itself (functions/shared-aws {@code SqsRedelivery}): a
     * rate-limited message is re-sent here as a delayed copy — waiting never spends {@link
     * WorkerQueueProps#maxReceiveCount()} — and a message it gives up goes to the DLQ with its reason as an attribute.
     * Tells it both URLs: {@link #environmentVariable()} and the same name with {@code _DLQ}.
     */
    public WorkerQueue redeliveredBy(HearkenFunction function) {
        queue.grantSendMessages(function.function());
        deadLetterQueue.grantSendMessages(function.function());
        function.addEnvironment(environmentVariable(), queue.getQueueUrl());
        function.addEnvironment(environmentVariable() + "_DLQ", deadLetterQueue.getQueueUrl());
        return this;
    }

    /** The environment variable that carries the queue URL to producers: {@code HEARKEN_QUEUES_<NAME>}. */
    public String environmentVariable() {
        return "HEARKEN_QUEUES_" + HearkenSettings.envName(props.name());
    }

    /** The kebab-case name given in the props. */
    public String name() {
        return props.name();
    }

    /** The work queue. */
    public Queue queue() {
        return queue;
    }

    /** Where messages go after {@link WorkerQueueProps#maxReceiveCount()} failed receives. */
    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    /** Alarms as soon as the DLQ holds a message. */
    public Alarm deadLetterAlarm() {
        return deadLetterAlarm;
    }

    /** Alarms when a message has waited in the DLQ for {@link DeadLetterAlarms#AGE_ALARM}. */
    public Alarm deadLetterAgeAlarm() {
        return deadLetterAgeAlarm;
    }

    /** Alarms when the oldest waiting message stays older than the configured age for five minutes. */
    public Alarm oldestMessageAlarm() {
        return oldestMessageAlarm;
    }

    private static software.amazon.awscdk.Duration seconds(Duration duration) {
        return software.amazon.awscdk.Duration.seconds(duration.toSeconds());
    }
}
