package dev.hearken.autoreply.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.AutoReplyService;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReplyOutcome;
import dev.hearken.aws.config.WaitingSettings;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.integration.IntegrationException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Handles one record of the {@code auto-reply} queue: read the {@link AutoReplyRequest}, answer it, and settle the
 * record through shared-aws' {@link SqsRedelivery}:
 * <ul>
 *   <li>a rate limit or a spent daily cap <b>waits</b>: a delayed copy goes back on the queue and the record
 *       succeeds, so waiting never spends the five receives; a request that waited longer than
 *       {@code hearken.waiting.max-age} is left to people ({@link AutoReplyService#waitedTooLong});</li>
 *   <li>a request that can never succeed goes to the DLQ at once with its reason;</li>
 *   <li>anything else fails the record for a retry, and on its last receive goes to the DLQ with its reason.</li>
 * </ul>
 *
 * <p>Funqy swallows a failing record's exception, so failures are logged here — with the message and request
 * ids and a reason, never the content.
 */
@ApplicationScoped
public class ReplyMessages {

    private static final Logger LOG = Logger.getLogger(ReplyMessages.class);

    private final AutoReplyService service;
    private final ObjectMapper json;
    private final SqsRedelivery redelivery;

    ReplyMessages(AutoReplyService service, ObjectMapper json, SqsClient sqs, WaitingSettings waiting,
            @ConfigProperty(name = "hearken.queues.auto-reply") Optional<String> queueUrl,
            @ConfigProperty(name = "hearken.queues.auto-reply-dlq") Optional<String> dlqUrl) {
        this.service = service;
        this.json = json;
        this.redelivery = new SqsRedelivery(sqs, () -> queueUrl.orElse(null), () -> dlqUrl.orElse(null), waiting,
                Clock.systemUTC());
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public void handle(SQSEvent.SQSMessage message) {
        if (redelivery.holdIfEarly(message)) {
            return;
        }
        AutoReplyRequest request;
        try {
            request = parse(message);
        } catch (IllegalArgumentException e) {
            if (givenUpOnLastReceive(message, null, e.getMessage())) {
                return;
            }
            throw e;
        }
        try {
            log(request, service.handle(request));
        } catch (RateLimitedException e) {
            waitFor(message, request, e);
        } catch (RejectedException e) {
            if (deadLetter(message, request, e.reason())) {
                LOG.errorf("request %s (message %s) rejected: %s; moved to the DLQ", request.requestId(),
                        message.getMessageId(), e.reason());
                return;
            }
            LOG.errorf("request %s (message %s) rejected: %s; it goes to the DLQ after its retries",
                    request.requestId(), message.getMessageId(), e.reason());
            throw e;
        } catch (SdkException | IntegrationException e) {
            // AWS error messages name tables and conditions, ours name service, status and error code: never content.
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("request %s (message %s) failed: %s", request.requestId(), message.getMessageId(), reason);
            if (givenUpOnLastReceive(message, request, reason)) {
                return;
            }
            throw e;
        } catch (RuntimeException e) {
            // Other messages may quote a third party's response: the type only.
            LOG.errorf("request %s (message %s) failed: %s", request.requestId(), message.getMessageId(),
                    e.getClass().getSimpleName());
            if (givenUpOnLastReceive(message, request, e.getClass().getSimpleName())) {
                return;
            }
            throw e;
        }
    }

    private void waitFor(SQSEvent.SQSMessage message, AutoReplyRequest request, RateLimitedException e) {
        SqsRedelivery.Later later = redelivery.later(message, e.retryAfter());
        SqsRedelivery.Wait wait = later.waited();
        if (!later.expired()) {
            LOG.infof("request %s (message %s): %s rate limited, waits %d s (wait %d, waiting since %s)",
                    request.requestId(), message.getMessageId(), e.service(), later.delay().toSeconds(),
                    wait.attempts(), wait.since());
            return;
        }
        ReplyOutcome outcome = service.waitedTooLong(request, wait.attempts(), wait.since());
        LOG.warnf("request %s (message %s): %s rate limited, waiting since %s (%d waits): not answered automatically, "
                + "left to people (%s)", request.requestId(), message.getMessageId(), e.service(), wait.since(),
                wait.attempts(), outcome.status());
    }

    /** On the queue's last receive, moves the message to the DLQ with {@code reason}: then the record succeeds. */
    private boolean givenUpOnLastReceive(SQSEvent.SQSMessage message, AutoReplyRequest request, String reason) {
        if (redelivery.lastReceive(message) && deadLetter(message, request, reason)) {
            LOG.errorf("message %s failed on its last receive: moved to the DLQ (%s)", message.getMessageId(), reason);
            return true;
        }
        return false;
    }

    private boolean deadLetter(SQSEvent.SQSMessage message, AutoReplyRequest request, String reason) {
        return redelivery.deadLetter(message, reason, request == null ? Map.of() : Map.of("requestId", request.requestId()));
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
            // Fails the record (a poison message reaches the DLQ on its last receive, with this reason).
            throw new IllegalArgumentException("malformed auto-reply request: " + e.getClass().getSimpleName());
        }
    }
}
