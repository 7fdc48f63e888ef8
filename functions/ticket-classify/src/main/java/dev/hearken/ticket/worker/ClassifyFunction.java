package dev.hearken.ticket.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * ticket-classify's worker: one record of the tickets queue per call. With Funqy's advanced event
 * handling a thrown exception puts exactly this record in {@code batchItemFailures}; Funqy does not
 * log it, so it is logged here (class and message only: messages never quote ticket text).
 */
public class ClassifyFunction {

    private static final Logger LOG = Logger.getLogger(ClassifyFunction.class);

    private final TicketMessages messages;

    @Inject
    ClassifyFunction(TicketMessages messages) {
        this.messages = messages;
    }

    @Funq("classify")
    public void classify(SQSEvent.SQSMessage message) {
        try {
            messages.handle(message);
        } catch (RuntimeException e) {
            LOG.warnf("message %s failed (receive %s): %s: %s", message.getMessageId(),
                    message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount"),
                    e.getClass().getSimpleName(), e.getMessage());
            throw e;
        }
    }
}
