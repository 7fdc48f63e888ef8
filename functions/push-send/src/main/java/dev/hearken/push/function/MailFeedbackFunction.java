package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.SesFeedbackJson;
import dev.hearken.push.service.MailFeedbackService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * SES bounce and complaint feedback (the {@code mail-feedback} Lambda, same artifact, export {@code feedback}):
 * one SQS record of {@code hearken-mail-feedback} per call, the SNS envelope of an SES event
 * ({@link SesFeedbackJson}) → {@link MailFeedbackService#handle}. Funqy reports failed records as
 * {@code batchItemFailures}.
 */
public class MailFeedbackFunction {

    private final MailFeedbackService feedback;
    private final ObjectMapper json;

    @Inject
    MailFeedbackFunction(MailFeedbackService feedback, ObjectMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @Funq("feedback")
    public void feedback(SQSEvent.SQSMessage record) {
        feedback.handle(record.getMessageId(), () -> SesFeedbackJson.read(json, record.getBody()));
    }
}
