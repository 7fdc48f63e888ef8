package dev.hearken.push.service;

import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.Redelivery;
import java.util.function.Supplier;

/**
 * One record of the push queue: reads its message, lets {@link PushService} decide and send it, and fails
 * the record on purpose ({@link RetryLaterException}) when SQS should deliver it again — after the
 * provider's {@code Retry-After} for a retry, after the queue's visibility timeout for a message another
 * worker holds. The batch trigger reports a failed record in {@code batchItemFailures} without logging it,
 * so this logs every record's outcome: record id, program and outcome only — no user id, token or copy.
 */
public final class PushWorker {

    private static final System.Logger LOG = System.getLogger(PushWorker.class.getName());

    private final PushService push;
    private final Redelivery redelivery;

    public PushWorker(PushService push, Redelivery redelivery) {
        this.push = push;
        this.redelivery = redelivery;
    }

    /**
     * Handles one record.
     *
     * @param recordId      the queue's message id, for the logs
     * @param receiptHandle the record's receipt handle, to delay its redelivery
     * @param message       reads the record's body; a malformed body throws {@link InvalidPushMessageException}
     * @throws InvalidPushMessageException for a malformed body: the record fails until it is dead-lettered
     * @throws RetryLaterException         when the message is to be processed again later
     */
    public SendResult handle(String recordId, String receiptHandle, Supplier<PushMessage> message) {
        PushMessage read;
        try {
            read = message.get();
        } catch (InvalidPushMessageException e) {
            LOG.log(System.Logger.Level.WARNING, "record {0} rejected: {1} (fails until it is dead-lettered)", recordId,
                    e.getMessage());
            throw e;
        }
        SendResult result;
        try {
            result = push.process(read);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "record {0} ({1}) failed: {2}", recordId, read.program(),
                    e.getClass().getName());
            throw e;
        }
        switch (result) {
            case SendResult.RetryLater retry -> {
                redelivery.retryAfter(receiptHandle, retry.after());
                LOG.log(System.Logger.Level.INFO, "record {0} ({1}) retries in {2} s: {3}", recordId, read.program(),
                        retry.after().toSeconds(), retry.reason());
                throw new RetryLaterException(retry.reason());
            }
            case SendResult.Busy busy -> {
                LOG.log(System.Logger.Level.INFO, "record {0} ({1}) is being processed by another worker; retried later",
                        recordId, read.program());
                throw new RetryLaterException("busy");
            }
            default -> LOG.log(System.Logger.Level.INFO, "record {0} ({1}): {2}", recordId, read.program(), result);
        }
        return result;
    }

    /** Fails a record on purpose so SQS delivers it again. */
    public static final class RetryLaterException extends RuntimeException {
        public RetryLaterException(String reason) {
            super("retry later: " + reason, null, false, false);
        }
    }
}
