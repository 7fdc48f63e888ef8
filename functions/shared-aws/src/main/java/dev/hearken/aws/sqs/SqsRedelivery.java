package dev.hearken.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.config.WaitingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The one way an SQS worker waits, and the one way it gives a message up. <b>Waiting is not failing</b>: a rate limit,
 * a spent quota or a provider's {@code Retry-After} re-sends a copy of the record's message to its own queue with
 * {@code DelaySeconds} and lets the record succeed, so the original is deleted. Each receive of the copy starts again
 * at {@code ApproximateReceiveCount} 1: waiting never spends the {@code maxReceiveCount} that sends poison messages
 * to the dead-letter queue, however long a rate-limit episode lasts.
 *
 * <p>The copy carries the original's message attributes plus {@value #ATTEMPTS} (how many times it waited) and
 * {@value #WAITING_SINCE} (when its first version was put on the queue: the SQS {@code SentTimestamp} of the first
 * receive). SQS delays at most 15 minutes; a longer wait also carries {@value #DUE}, and a copy received before then
 * is re-sent again at once ({@link #holdIfEarly}) — a chain of 15-minute hops that costs one receive each and never
 * runs the work early. A wait that would end after {@link WaitingSettings#maxAge()} is not arranged: {@link #later}
 * answers {@link Later#expired()} and the worker hands the item to a person.
 *
 * <p>Effects must be idempotent per message content, as for any SQS redelivery: the copy has a new message id, and a
 * crash between sending it and the record's success leaves two copies (the ledgers of each worker keep that to one
 * effect). Should the copy not be sent, the original is hidden for the wait instead ({@link SqsVisibility}) and the
 * failure is rethrown — the record fails and is back later, one receive spent, nothing lost.
 *
 * <p>Giving up: a record that fails on its last receive ({@link #lastReceive}) or can never succeed is moved to the
 * queue's dead-letter queue with a {@value #REASON} attribute ({@link #deadLetter}); without a DLQ URL the caller fails
 * the record and the redrive policy moves it, without the reason.
 */
public final class SqsRedelivery {

    /** Message attribute: how many times the message waited (a number). */
    public static final String ATTEMPTS = "hearken-attempts";
    /** Message attribute: ISO-8601 instant its first version was put on the queue. */
    public static final String WAITING_SINCE = "hearken-waiting-since";
    /** Message attribute: ISO-8601 instant before which a received copy is only passed on (waits over 15 minutes). */
    public static final String DUE = "hearken-due";
    /** DLQ message attribute: why the message was given up. */
    public static final String REASON = "reason";
    /** DLQ message attribute: the id of the message that was given up. */
    public static final String SOURCE_MESSAGE_ID = "sourceMessageId";

    /** The longest {@code DelaySeconds} SQS accepts. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(SqsRedelivery.class);

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final Supplier<String> dlqUrl;
    private final WaitingSettings settings;
    private final Clock clock;
    private final SqsVisibility visibility;

    /**
     * @param queueUrl the queue the records come from (the copies go back there)
     * @param dlqUrl   its dead-letter queue; may answer {@code null} (not configured): then {@link #deadLetter} declines
     */
    public SqsRedelivery(SqsClient sqs, Supplier<String> queueUrl, Supplier<String> dlqUrl, WaitingSettings settings,
            Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
        this.settings = settings;
        this.clock = clock;
        this.visibility = new SqsVisibility(sqs, queueUrl);
    }

    /**
     * How long a received message has waited.
     *
     * @param attempts how many times it was re-sent to wait (0 for a message that never waited)
     * @param since    when its first version was put on the queue
     */
    public record Wait(int attempts, Instant since) {
    }

    /**
     * What {@link #later} did.
     *
     * @param expired {@code true}: the wait would end after the bound, nothing was sent — hand the item to a person;
     *                {@code false}: a delayed copy is on the queue — let the record succeed
     * @param waited  the message's wait, counting this one when a copy was sent
     * @param delay   the wait asked for (at least {@link WaitingSettings#minDelay()})
     */
    public record Later(boolean expired, Wait waited, Duration delay) {
    }

    /** The wait so far, read from the message attributes (or its {@code SentTimestamp}, or now, when it never waited). */
    public Wait waitOf(SQSEvent.SQSMessage message) {
        Instant since = instant(attribute(message, WAITING_SINCE));
        if (since == null) {
            since = sentAt(message);
        }
        String attempts = attribute(message, ATTEMPTS);
        int n;
        try {
            n = attempts == null ? 0 : Math.max(0, Integer.parseInt(attempts.trim()));
        } catch (NumberFormatException e) {
            n = 0;
        }
        return new Wait(n, since);
    }

    /**
     * For a copy that waits more than 15 minutes: received before it is due, it is re-sent with the rest of the wait
     * (at most 15 minutes again) and {@code true} is answered — the record is done, run nothing. {@code false}: it is
     * due (or never waited), do the work.
     */
    public boolean holdIfEarly(SQSEvent.SQSMessage message) {
        Instant due = instant(attribute(message, DUE));
        Instant now = clock.instant();
        if (due == null || !due.isAfter(now)) {
            return false;
        }
        Duration rest = Duration.between(now, due);
        send(message, attributes(message), rest);
        LOG.infof("message %s is due at %s: passed on for %d s", message.getMessageId(), due, delaySeconds(rest));
        return true;
    }

    /**
     * The record's work must wait {@code after}: re-sends a delayed copy, unless the whole wait would then exceed
     * {@link WaitingSettings#maxAge()}.
     *
     * @throws RuntimeException when the copy could not be sent (the original is hidden for the wait instead, so the
     *                          record fails and is back later)
     */
    public Later later(SQSEvent.SQSMessage message, Duration after) {
        Instant now = clock.instant();
        Duration delay = after == null || after.compareTo(settings.minDelay()) < 0 ? settings.minDelay() : after;
        Wait wait = waitOf(message);
        if (now.plus(delay).isAfter(wait.since().plus(settings.maxAge()))) {
            return new Later(true, wait, delay);
        }
        Wait next = new Wait(wait.attempts() + 1, wait.since());
        Map<String, MessageAttributeValue> attributes = attributes(message);
        attributes.put(ATTEMPTS, number(next.attempts()));
        attributes.put(WAITING_SINCE, text(next.since().toString()));
        if (delay.compareTo(MAX_DELAY) > 0) {
            attributes.put(DUE, text(now.plus(delay).toString()));
        } else {
            attributes.remove(DUE);
        }
        try {
            send(message, attributes, delay);
        } catch (RuntimeException e) {
            LOG.warnf("message %s: its delayed copy could not be sent (%s); hidden for %d s instead, one receive spent",
                    message.getMessageId(), e.getClass().getSimpleName(), delay.toSeconds());
            visibility.retryAfter(message.getReceiptHandle(), delay);
            throw e;
        }
        return new Later(false, next, delay);
    }

    /** Whether this receive is the queue's last before the redrive policy moves the message ({@link WaitingSettings#maxReceives()}). */
    public boolean lastReceive(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count.trim()) >= settings.maxReceives();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Moves the message — body and attributes — to the dead-letter queue with {@value #REASON} and
     * {@value #SOURCE_MESSAGE_ID}; the record must then succeed. {@code false} when no DLQ is configured: the caller
     * fails the record. A failing send is thrown (the record fails; the redrive policy still moves it later).
     *
     * @param reason why, naming ids and fields only — never text a user wrote (it is readable by every operator)
     */
    public boolean deadLetter(SQSEvent.SQSMessage message, String reason) {
        return deadLetter(message, reason, Map.of());
    }

    /** {@link #deadLetter(SQSEvent.SQSMessage, String)} with more string attributes (ids an operator looks for). */
    public boolean deadLetter(SQSEvent.SQSMessage message, String reason, Map<String, String> more) {
        String url = dlqUrl.get();
        if (url == null || url.isBlank()) {
            return false;
        }
        Map<String, MessageAttributeValue> attributes = attributes(message);
        attributes.remove(DUE);
        more.forEach((name, value) -> attributes.put(name, text(value)));
        attributes.put(REASON, text(reason));
        attributes.put(SOURCE_MESSAGE_ID, text(message.getMessageId()));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(message.getBody()).messageAttributes(attributes));
        return true;
    }

    private void send(SQSEvent.SQSMessage message, Map<String, MessageAttributeValue> attributes, Duration delay) {
        String url = queueUrl.get();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no queue URL to re-send message " + message.getMessageId() + " to");
        }
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(message.getBody()).messageAttributes(attributes)
                .delaySeconds(delaySeconds(delay)));
    }

    static int delaySeconds(Duration delay) {
        return (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
    }

    /** The received message attributes, as the SDK sends them. */
    private static Map<String, MessageAttributeValue> attributes(SQSEvent.SQSMessage message) {
        Map<String, MessageAttributeValue> copy = new LinkedHashMap<>();
        if (message.getMessageAttributes() == null) {
            return copy;
        }
        message.getMessageAttributes().forEach((name, value) -> {
            MessageAttributeValue.Builder b = MessageAttributeValue.builder().dataType(value.getDataType());
            if (value.getBinaryValue() != null) {
                b.binaryValue(SdkBytes.fromByteBuffer(value.getBinaryValue()));
            } else if (value.getStringValue() != null) {
                b.stringValue(value.getStringValue());
            } else {
                return; // list values are reserved by SQS and never sent
            }
            copy.put(name, b.build());
        });
        return copy;
    }

    private static String attribute(SQSEvent.SQSMessage message, String name) {
        if (message.getMessageAttributes() == null || message.getMessageAttributes().get(name) == null) {
            return null;
        }
        return message.getMessageAttributes().get(name).getStringValue();
    }

    private Instant sentAt(SQSEvent.SQSMessage message) {
        String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        try {
            return sent == null ? clock.instant() : Instant.ofEpochMilli(Long.parseLong(sent.trim()));
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(int value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(value)).build();
    }
}
