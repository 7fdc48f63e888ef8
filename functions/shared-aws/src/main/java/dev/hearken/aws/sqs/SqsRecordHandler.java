package dev.hearken.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.integration.RateLimitedException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way an SQS-triggered function handles a record: parse the body, run the service, and settle the record.
 * <ul>
 *   <li>A {@link RateLimitedException} is <b>waiting, not failing</b>: {@link SqsRedelivery#later} re-sends a delayed
 *       copy and the record succeeds — no receive of the poison-message budget is spent. When the item has waited
 *       longer than the bound, it goes to a person ({@code waitedTooLong}); should that fail too, or when there is no
 *       such route, it goes to the dead-letter queue with the reason {@code waited_too_long} (its alarm is the
 *       alert).</li>
 *   <li>Any other failure is logged — message id, receive count, exception type and message — and rethrown, so
 *       Funqy's advanced event handling reports exactly this record in {@code batchItemFailures} (Funqy itself does
 *       not log why); on the queue's last receive the message is moved to the dead-letter queue with that reason
 *       instead ({@link SqsRedelivery#deadLetter}). Exception messages of our parsers and services name ids and
 *       fields, never user text.</li>
 * </ul>
 *
 * @param <I> what a message body is parsed into
 * @param <O> the service's outcome
 */
public final class SqsRecordHandler<I, O> {

    private static final Logger LOG = Logger.getLogger(SqsRecordHandler.class);

    /** The DLQ reason of an item that waited longer than the bound and could not be handed to a person. */
    public static final String WAITED_TOO_LONG = "waited_too_long";

    private final String what;
    private final SqsRedelivery redelivery;
    private final Function<String, I> parse;
    private final Function<I, O> service;
    private final BiFunction<I, O, String> describe;
    private final BiConsumer<I, SqsRedelivery.Wait> waitedTooLong;

    /**
     * @param what          names the queue's content in the log ({@code ticket}, {@code review escalation})
     * @param parse         the message body to the service's input; throws (the record fails) when it is not one
     * @param describe      the log line of a handled record, without content a user wrote
     * @param waitedTooLong hands an item that waited longer than the bound to a person; {@code null} when the item has
     *                      no such route (then the dead-letter queue and its alarm are the alert)
     */
    public SqsRecordHandler(String what, SqsRedelivery redelivery, Function<String, I> parse, Function<I, O> service,
            BiFunction<I, O, String> describe, BiConsumer<I, SqsRedelivery.Wait> waitedTooLong) {
        this.what = what;
        this.redelivery = redelivery;
        this.parse = parse;
        this.service = service;
        this.describe = describe;
        this.waitedTooLong = waitedTooLong;
    }

    /** The service's outcome, or {@code null} when the record waits or was given up. Throws when the record failed. */
    public O handle(SQSEvent.SQSMessage message) {
        if (redelivery.holdIfEarly(message)) {
            return null;
        }
        I input = null;
        try {
            input = parse.apply(message.getBody());
            O outcome = service.apply(input);
            LOG.infof("%s (message %s)", describe.apply(input, outcome), message.getMessageId());
            return outcome;
        } catch (RateLimitedException e) {
            waitFor(message, input, e);
            return null;
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("%s message %s failed (receive %s): %s", what, message.getMessageId(),
                    message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount"), reason);
            if (redelivery.lastReceive(message) && redelivery.deadLetter(message, reason)) {
                LOG.errorf("%s message %s failed on its last receive: moved to the dead-letter queue (%s)", what,
                        message.getMessageId(), reason);
                return null;
            }
            throw e;
        }
    }

    private void waitFor(SQSEvent.SQSMessage message, I input, RateLimitedException e) {
        SqsRedelivery.Later later = redelivery.later(message, e.retryAfter());
        SqsRedelivery.Wait wait = later.waited();
        if (!later.expired()) {
            LOG.infof("%s message %s waits %d s for %s (wait %d, waiting since %s)", what, message.getMessageId(),
                    later.delay().toSeconds(), e.service(), wait.attempts(), wait.since());
            return;
        }
        String reason = WAITED_TOO_LONG + ": " + e.service() + ", waiting since " + wait.since() + ", "
                + wait.attempts() + " waits";
        try {
            if (waitedTooLong != null) {
                waitedTooLong.accept(input, wait);
                LOG.warnf("%s message %s handed to a person (%s)", what, message.getMessageId(), reason);
                return;
            }
        } catch (RuntimeException failed) {
            reason = reason + "; handing it to a person failed: " + failed.getClass().getSimpleName();
        }
        if (!redelivery.deadLetter(message, reason)) {
            LOG.errorf("%s message %s %s, and no dead-letter queue is configured: it fails", what,
                    message.getMessageId(), reason);
            throw e;
        }
        LOG.errorf("%s message %s moved to the dead-letter queue (%s)", what, message.getMessageId(), reason);
    }
}
