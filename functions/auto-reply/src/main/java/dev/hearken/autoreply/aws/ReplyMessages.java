package dev.hearken.autoreply.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.AutoReplyService;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReplyOutcome;
import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.integration.IntegrationException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Handles one record of the {@code auto-reply} queue: read the {@link AutoReplyRequest}, answer it, and settle the
 * record — a rate limit returns the message after Retry-After ({@link SqsVisibility}), a request that can never
 * succeed goes to the DLQ at once ({@link DeadLetters}), anything else fails the record for a retry.
 *
 * <p>Funqy swallows a failing record's exception, so failures are logged here — with the message and request
 * ids and a reason, never the content.
 */
@ApplicationScoped
public class ReplyMessages {

    private static final Logger LOG = Logger.getLogger(ReplyMessages.class);

    private final AutoReplyService service;
    private final ObjectMapper json;
    private final SqsVisibility visibility;
    private final DeadLetters deadLetters;

    ReplyMessages(AutoReplyService service, ObjectMapper json, SqsClient sqs, DeadLetters deadLetters,
            @ConfigProperty(name = "hearken.queues.auto-reply") Optional<String> queueUrl) {
        this.service = service;
        this.json = json;
        this.visibility = new SqsVisibility(sqs, () -> queueUrl.orElse(null));
        this.deadLetters = deadLetters;
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public void handle(SQSEvent.SQSMessage message) {
        AutoReplyRequest request = parse(message);
        try {
            log(request, visibility.deferringRateLimits(message.getReceiptHandle(), () -> service.handle(request)));
        } catch (RateLimitedException e) {
            LOG.warnf("request %s (message %s): %s rate limited, retry in %d s", request.requestId(),
                    message.getMessageId(), e.service(), e.retryAfter().toSeconds());
            throw e;
        } catch (RejectedException e) {
            if (deadLetters.send(message, request.requestId(), e.reason())) {
                LOG.errorf("request %s (message %s) rejected: %s; moved to the DLQ", request.requestId(),
                        message.getMessageId(), e.reason());
                return;
            }
            LOG.errorf("request %s (message %s) rejected: %s; it goes to the DLQ after its retries",
                    request.requestId(), message.getMessageId(), e.reason());
            throw e;
        } catch (SdkException | IntegrationException e) {
            // AWS error messages name tables and conditions, ours name service, status and error code: never content.
            LOG.errorf("request %s (message %s) failed: %s: %s", request.requestId(), message.getMessageId(),
                    e.getClass().getSimpleName(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // Other messages may quote a third party's response: the type only.
            LOG.errorf("request %s (message %s) failed: %s", request.requestId(), message.getMessageId(),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    private static void log(AutoReplyRequest request, ReplyOutcome outcome) {
        if (outcome.status() == ReplyOutcome.Status.UNKNOWN) {
            // At most once on a channel without read-back: a person has to look (the item is flagged).
            LOG.warnf("request %s: an earlier attempt may have sent the reply (%s); not sent again, flagged for a person",
                    request.requestId(), outcome.reason());
            return;
        }
        LOG.infof("request %s: %s%s%s", request.requestId(), outcome.status(),
                outcome.reason() == null ? "" : " (" + outcome.reason() + ")",
                outcome.language() == null ? "" : " template " + outcome.templateKey() + "/" + outcome.language()
                        + (outcome.variant() == null ? "" : " variant " + outcome.variant()));
    }

    private AutoReplyRequest parse(SQSEvent.SQSMessage message) {
        try {
            return json.readValue(message.getBody(), AutoReplyRequest.class);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("message %s is not an AutoReplyRequest (%s)", message.getMessageId(),
                    e.getClass().getSimpleName());
            // Fails the record (a poison message reaches the DLQ through the redrive policy).
            throw new IllegalArgumentException("malformed auto-reply request");
        }
    }
}
