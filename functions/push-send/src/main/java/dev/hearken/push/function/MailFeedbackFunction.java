package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.SesFeedbackJson;
import dev.hearken.push.domain.MailFeedback;
import dev.hearken.push.service.MailFeedbackService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * SES bounce and complaint feedback (the {@code mail-feedback} Lambda, same artifact, export {@code feedback}):
 * one SQS record of {@code hearken-mail-feedback} per call, the SNS envelope of an SES event
 * ({@link SesFeedbackJson}) → {@link MailFeedbackService#apply}. Funqy reports failed records as
 * {@code batchItemFailures} without logging them, so this adapter logs (message ids, kind and outcome only:
 * no address, no user id, no tag).
 */
public class MailFeedbackFunction {

    private static final Logger LOG = Logger.getLogger(MailFeedbackFunction.class);

    private final MailFeedbackService feedback;
    private final ObjectMapper json;

    @Inject
    MailFeedbackFunction(MailFeedbackService feedback, ObjectMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @Funq("feedback")
    public void feedback(SQSEvent.SQSMessage record) {
        MailFeedback event;
        try {
            event = SesFeedbackJson.read(json, record.getBody());
        } catch (SesFeedbackJson.InvalidFeedbackException e) {
            LOG.warnf("record %s rejected: %s (fails until it is dead-lettered)", record.getMessageId(), e.getMessage());
            throw e;
        }
        MailFeedbackService.Outcome outcome;
        try {
            outcome = feedback.apply(event);
        } catch (RuntimeException e) {
            LOG.errorf("record %s (%s) failed: %s", record.getMessageId(), event.kind(), e.getClass().getName());
            throw e;
        }
        LOG.infof("record %s: %s of SES message %s → %s", record.getMessageId(), event.kind(), event.messageId(), outcome);
    }
}
