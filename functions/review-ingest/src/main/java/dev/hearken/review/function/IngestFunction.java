package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hearken.aws.http.LogValues;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.ingest.ReviewIngestService;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.parse.InvalidReviewException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * review-ingest worker: one record of the reviews queue per call (Funqy's SQS handling reports the records whose
 * call threw as {@code batchItemFailures}, and logs nothing itself — so this class logs every failure with the
 * message id and the reason, never the review text).
 */
public class IngestFunction {

    private static final Logger LOG = Logger.getLogger(IngestFunction.class);

    private final ReviewIngestService service;
    private final ReviewMessageJson messages;

    @Inject
    IngestFunction(ReviewIngestService service, ReviewMessageJson messages) {
        this.service = service;
        this.messages = messages;
    }

    @Funq("ingest")
    public void ingest(SQSEvent.SQSMessage message) {
        String receives = message.getAttributes() == null ? "?" : message.getAttributes().get("ApproximateReceiveCount");
        try {
            ReviewMessage m = messages.read(message.getBody() == null ? "" : message.getBody());
            LOG.info(LogValues.safe(service.ingest(m).summary(), 1000));
        } catch (JsonProcessingException e) {
            LOG.errorf("review message %s rejected (receive %s): not a review message JSON (%s at %s)",
                    message.getMessageId(), receives, e.getClass().getSimpleName(), e.getLocation());
            throw new InvalidReviewException("message " + message.getMessageId() + " is not a review message JSON");
        } catch (InvalidReviewException e) {
            LOG.errorf("review message %s rejected (receive %s): %s", message.getMessageId(), receives,
                    LogValues.safe(e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf("review message %s failed (receive %s): %s", message.getMessageId(), receives, e.getClass().getName());
            throw e;
        }
    }
}
