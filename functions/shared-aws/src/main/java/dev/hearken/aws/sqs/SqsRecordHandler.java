package dev.hearken.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way an SQS-triggered function handles a record: parse the body, run the service, and settle the
 * record. A {@link dev.hearken.integration.RateLimitedException} hides the message for its Retry-After first
 * ({@link SqsVisibility}); every failure is logged — message id, receive count, exception type and message — and
 * rethrown, so Funqy's advanced event handling reports exactly this record in {@code batchItemFailures} (Funqy
 * itself does not log why). Exception messages of our parsers and services name ids and fields, never user text.
 *
 * @param <I> what a message body is parsed into
 * @param <O> the service's outcome
 */
public final class SqsRecordHandler<I, O> {

    private static final Logger LOG = Logger.getLogger(SqsRecordHandler.class);

    private final String what;
    private final SqsVisibility visibility;
    private final Function<String, I> parse;
    private final Function<I, O> service;
    private final BiFunction<I, O, String> describe;

    /**
     * @param what       names the queue's content in the log ({@code ticket}, {@code review escalation})
     * @param parse      the message body to the service's input; throws (the record fails) when it is not one
     * @param describe   the log line of a handled record, without content a user wrote
     */
    public SqsRecordHandler(String what, SqsVisibility visibility, Function<String, I> parse, Function<I, O> service,
            BiFunction<I, O, String> describe) {
        this.what = what;
        this.visibility = visibility;
        this.parse = parse;
        this.service = service;
        this.describe = describe;
    }

    /** Throws when the record failed. */
    public O handle(SQSEvent.SQSMessage message) {
        try {
            I input = parse.apply(message.getBody());
            O outcome = visibility.deferringRateLimits(message.getReceiptHandle(), () -> service.apply(input));
            LOG.infof("%s (message %s)", describe.apply(input, outcome), message.getMessageId());
            return outcome;
        } catch (RuntimeException e) {
            LOG.warnf("%s message %s failed (receive %s): %s: %s", what, message.getMessageId(),
                    message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount"),
                    e.getClass().getSimpleName(), e.getMessage());
            throw e;
        }
    }
}
