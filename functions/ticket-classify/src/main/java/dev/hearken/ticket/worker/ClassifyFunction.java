package dev.hearken.ticket.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.sqs.SqsRecordHandler;
import dev.hearken.ticket.domain.ClassificationService;
import dev.hearken.ticket.domain.TicketEvent;
import io.quarkus.funqy.Funq;

/**
 * ticket-classify's worker: one record of the tickets queue per call (the enqueued webhook body, classified).
 * With Funqy's advanced event handling a thrown exception puts exactly this record in {@code batchItemFailures}.
 */
public class ClassifyFunction {

    private final SqsRecordHandler<TicketEvent, ClassificationService.Outcome> tickets;

    ClassifyFunction(SqsRecordHandler<TicketEvent, ClassificationService.Outcome> tickets) {
        this.tickets = tickets;
    }

    @Funq("classify")
    public void classify(SQSEvent.SQSMessage message) {
        tickets.handle(message);
    }
}
