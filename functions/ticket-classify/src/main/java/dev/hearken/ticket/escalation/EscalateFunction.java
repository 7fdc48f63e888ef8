package dev.hearken.ticket.escalation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.sqs.SqsRecords;
import io.quarkus.funqy.Funq;

/**
 * review-escalate: one record of the review-escalations queue per call; a record that throws is reported in
 * {@code batchItemFailures} (Funqy's advanced event handling).
 */
public class EscalateFunction {

    private final EscalationMessages messages;

    EscalateFunction(EscalationMessages messages) {
        this.messages = messages;
    }

    @Funq("escalate")
    public void escalate(SQSEvent.SQSMessage message) {
        SqsRecords.logFailures("review escalation", message, () -> messages.handle(message));
    }
}
