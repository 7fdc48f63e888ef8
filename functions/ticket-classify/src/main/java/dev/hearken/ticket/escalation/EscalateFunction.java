package dev.hearken.ticket.escalation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * review-escalate: one record of the review-escalations queue per call. With Funqy's advanced event handling a
 * thrown exception puts exactly this record in {@code batchItemFailures}; Funqy does not log it, so it is logged
 * here (class and message only: messages never quote the review).
 */
public class EscalateFunction {

    private static final Logger LOG = Logger.getLogger(EscalateFunction.class);

    private final EscalationMessages messages;

    @Inject
    EscalateFunction(EscalationMessages messages) {
        this.messages = messages;
    }

    @Funq("escalate")
    public void escalate(SQSEvent.SQSMessage message) {
        try {
            messages.handle(message);
        } catch (RuntimeException e) {
            LOG.warnf("review escalation message %s failed (receive %s): %s: %s", message.getMessageId(),
                    message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount"),
                    e.getClass().getSimpleName(), e.getMessage());
            throw e;
        }
    }
}
