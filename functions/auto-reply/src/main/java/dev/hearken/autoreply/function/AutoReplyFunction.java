package dev.hearken.autoreply.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.AutoReplyService;
import dev.hearken.autoreply.domain.RateLimitedException;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReplyOutcome;
import dev.hearken.reply.AutoReplyRequest;
import io.quarkus.funqy.Funq;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The auto-reply worker: one SQS record of the {@code auto-reply} queue per call (Funqy's advanced
 * event handling reports the records that throw as {@code batchItemFailures}).
 *
 * <p>Funqy swallows a failing record's exception, so failures are logged here — with the message and
 * request ids and a reason, never the content.
 */
public class AutoReplyFunction {

    private static final Logger LOG = Logger.getLogger(AutoReplyFunction.class);

    private final AutoReplyService service;
    private final ObjectMapper json;
    private final RetryLater retryLater;
    private final DeadLetters deadLetters;

    AutoReplyFunction(AutoReplyService service, ObjectMapper json, RetryLater retryLater, DeadLetters deadLetters) {
        this.service = service;
        this.json = json;
        this.retryLater = retryLater;
        this.deadLetters = deadLetters;
    }

    @Funq("reply")
    public void reply(SQSEvent.SQSMessage message) {
        AutoReplyRequest request = parse(message);
        try {
            ReplyOutcome outcome = service.handle(request);
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
        } catch (RateLimitedException e) {
            // Honour Retry-After: the record fails and comes back when its visibility ends.
            retryLater.delay(message.getReceiptHandle(), e.retryAfter());
            LOG.warnf("request %s (message %s): %s rate limited, retry in %d s", request.requestId(),
                    message.getMessageId(), e.channel(), e.retryAfter().toSeconds());
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
        } catch (SdkException e) {
            // AWS error messages name tables and conditions, never message content.
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
