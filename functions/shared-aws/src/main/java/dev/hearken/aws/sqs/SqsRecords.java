package dev.hearken.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way an SQS-triggered function runs a record. With Funqy's advanced event handling a record that throws
 * is reported in {@code batchItemFailures}, but Funqy does not log why; this logs it — message id, receive count,
 * exception type and message — and rethrows. Exception messages of our services name ids and fields, never user
 * text.
 */
public final class SqsRecords {

    private static final Logger LOG = Logger.getLogger(SqsRecords.class);

    private SqsRecords() {
    }

    /** Runs {@code work} for {@code message} ({@code what} names the queue's content in the log). */
    public static <T> T logFailures(String what, SQSEvent.SQSMessage message, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            LOG.warnf("%s message %s failed (receive %s): %s: %s", what, message.getMessageId(),
                    message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount"),
                    e.getClass().getSimpleName(), e.getMessage());
            throw e;
        }
    }
}
