package dev.hearken.push.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.port.Redelivery;
import dev.hearken.push.service.PushWorker;
import java.util.Map;

/**
 * One record of the push queue, settled through shared-aws' {@link SqsRedelivery}: a copy that waits more than
 * 15 minutes is passed on until due; a provider's {@code Retry-After} becomes a delayed copy ({@link Redelivery});
 * a malformed body fails its record until its last receive, then goes to {@code hearken-push-dlq} with the reason
 * (attributes {@code reason} and, like the worker's own dead letters, {@value SqsPushQueue#REASON_ATTRIBUTE}).
 */
public final class SqsPushRecords {

    private final PushWorker worker;
    private final SqsRedelivery redelivery;
    private final ObjectMapper json;

    public SqsPushRecords(PushWorker worker, SqsRedelivery redelivery, ObjectMapper json) {
        this.worker = worker;
        this.redelivery = redelivery;
        this.json = json;
    }

    /** Throws when the record failed. */
    public void handle(SQSEvent.SQSMessage record) {
        if (redelivery.holdIfEarly(record)) {
            return;
        }
        try {
            worker.handle(record.getMessageId(), after -> later(record, after),
                    () -> PushMessageJson.read(json, record.getBody()));
        } catch (InvalidPushMessageException e) {
            String reason = "invalid-message: " + e.getMessage();
            if (redelivery.lastReceive(record)
                    && redelivery.deadLetter(record, reason, Map.of(SqsPushQueue.REASON_ATTRIBUTE, reason))) {
                return;
            }
            throw e;
        }
    }

    private Redelivery.Later later(SQSEvent.SQSMessage record, java.time.Duration after) {
        SqsRedelivery.Later later = redelivery.later(record, after);
        return new Redelivery.Later(later.expired(), later.waited().attempts(), later.waited().since());
    }
}
