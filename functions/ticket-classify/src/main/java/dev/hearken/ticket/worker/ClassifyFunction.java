package dev.hearken.ticket.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.sqs.SqsRecords;
import io.quarkus.funqy.Funq;

/**
 * ticket-classify's worker: one record of the tickets queue per call. With Funqy's advanced event handling a
 * thrown exception puts exactly this record in {@code batchItemFailures}.
 */
public class ClassifyFunction {

    private final TicketMessages messages;

    ClassifyFunction(TicketMessages messages) {
        this.messages = messages;
    }

    @Funq("classify")
    public void classify(SQSEvent.SQSMessage message) {
        SqsRecords.logFailures("ticket", message, () -> messages.handle(message));
    }
}
