package dev.hearken.push.service;

import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.Redelivery;
import java.util.function.Supplier;

/**
 * One record of the push queue: reads its message, lets {@link PushService} decide and send it. A provider's
 * {@code Retry-After} (429, {@code QUOTA_EXCEEDED}) is waited for through {@link Redelivery} — a delayed copy, the
 * record succeeds — and a message that waited longer than the bound is dropped and recorded {@code expired}
 * ({@link PushService#expire}). A message another worker holds fails the record on purpose
 * ({@link RetryLaterException}), to come back after the queue's visibility timeout. The batch trigger reports a
 * failed record in {@code batchItemFailures} without logging it, so this logs every record's outcome: record id,
 * program and outcome only — no user id, token or copy.
 */
public final class PushWorker {

    private static final System.Logger LOG = System.getLogger(PushWorker.class.getName());

    private final PushService push;

    public PushWorker(PushService push) {
        this.push = push;
    }

    /**
     * Handles one record.
     *
     * @param recordId   the queue's message id, for the logs
     * @param redelivery how this record waits for a provider
     * @param message    reads the record's body; a malformed body throws {@link InvalidPushMessageException}
     * @throws InvalidPushMessageException for a malformed body: the record fails until it is dead-lettered
     * @throws RetryLaterException         when another worker holds the message: the record fails, to come back
     */
    public SendResult handle(String recordId, Redelivery redelivery, Supplier<PushMessage> message) {
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
                Redelivery.Later later = redelivery.after(retry.after());
                if (later.expired()) {
                    SendResult expired = push.expire(read, retry.reason());
                    LOG.log(System.Logger.Level.WARNING, "record {0} ({1}) waited since {2} ({3} waits) for {4}: {5}",
                            recordId, read.program(), later.since(), later.waits(), retry.reason(), expired);
                    return expired;
                }
                LOG.log(System.Logger.Level.INFO, "record {0} ({1}) waits {2} s (wait {3}): {4}", recordId,
                        read.program(), retry.after().toSeconds(), later.waits(), retry.reason());
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
