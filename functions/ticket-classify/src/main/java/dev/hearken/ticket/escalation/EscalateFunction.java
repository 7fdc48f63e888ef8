package dev.hearken.ticket.escalation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.sqs.SqsRecordHandler;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.ticket.domain.ReviewEscalationService;
import io.quarkus.funqy.Funq;

/**
 * review-escalate: one record of the review-escalations queue per call, opening (or finding) the review's ticket;
 * a record that throws is reported in {@code batchItemFailures} (Funqy's advanced event handling).
 */
public class EscalateFunction {

    private final SqsRecordHandler<ReviewEscalation, ReviewEscalationService.Outcome> escalations;

    EscalateFunction(SqsRecordHandler<ReviewEscalation, ReviewEscalationService.Outcome> escalations) {
        this.escalations = escalations;
    }

    @Funq("escalate")
    public void escalate(SQSEvent.SQSMessage message) {
        escalations.handle(message);
    }
}
