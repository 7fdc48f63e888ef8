package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.PushMessageJson;
import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.service.PushService;
import dev.hearken.push.service.SendResult;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * push-send's worker: one SQS record of the push queue per call. Funqy's advanced event handling
 * calls this once per record and reports the records that failed as {@code batchItemFailures}; it does
 * not log them, so this adapter does (message id, program and outcome only — no user ids, tokens or copy).
 * The records of a batch run at the same time ({@link ConcurrentRecords}: why a {@code Uni}, and how many).
 */
public class SendFunction {

    private static final Logger LOG = Logger.getLogger(SendFunction.class);

    private final PushService push;
    private final SqsVisibility visibility;
    private final ObjectMapper json;
    private final ConcurrentRecords records;

    @Inject
    SendFunction(PushService push, SqsVisibility visibility, ObjectMapper json, ConcurrentRecords records) {
        this.push = push;
        this.visibility = visibility;
        this.json = json;
        this.records = records;
    }

    @Funq("send")
    public Uni<Void> send(SQSEvent.SQSMessage record) {
        return records.submit(() -> handle(record));
    }

    private void handle(SQSEvent.SQSMessage record) {
        PushMessage message;
        try {
            message = PushMessageJson.read(json, record.getBody());
        } catch (InvalidPushMessageException e) {
            LOG.warnf("record %s rejected: %s (fails until it is dead-lettered)", record.getMessageId(), e.getMessage());
            throw e;
        }
        SendResult result;
        try {
            result = push.process(message);
        } catch (RuntimeException e) {
            LOG.errorf("record %s (%s) failed: %s", record.getMessageId(), message.program(), e.getClass().getName());
            throw e;
        }
        switch (result) {
            case SendResult.RetryLater retry -> {
                visibility.retryAfter(record.getReceiptHandle(), retry.after());
                LOG.infof("record %s (%s) retries in %d s: %s", record.getMessageId(), message.program(),
                        retry.after().toSeconds(), retry.reason());
                throw new RetryLaterException(retry.reason());
            }
            case SendResult.Busy busy -> {
                LOG.infof("record %s (%s) is being processed by another worker; retried later", record.getMessageId(),
                        message.program());
                throw new RetryLaterException("busy");
            }
            default -> LOG.infof("record %s (%s): %s", record.getMessageId(), message.program(), result);
        }
    }

    /** Fails a record on purpose so SQS delivers it again. */
    public static final class RetryLaterException extends RuntimeException {
        public RetryLaterException(String reason) {
            super("retry later: " + reason, null, false, false);
        }
    }
}
