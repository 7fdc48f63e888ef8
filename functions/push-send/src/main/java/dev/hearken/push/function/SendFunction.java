package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.push.aws.SqsPushRecords;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * push-send's worker: one SQS record of the push queue per call → {@link SqsPushRecords} (waiting, dead letters) →
 * {@code PushWorker}. Funqy's advanced event handling calls this once per record and reports the records that failed
 * as {@code batchItemFailures}. The records of a batch run at the same time ({@link ConcurrentRecords}: why a
 * {@code Uni}, and how many).
 */
public class SendFunction {

    private final SqsPushRecords push;
    private final ConcurrentRecords records;

    @Inject
    SendFunction(SqsPushRecords push, ConcurrentRecords records) {
        this.push = push;
        this.records = records;
    }

    @Funq("send")
    public Uni<Void> send(SQSEvent.SQSMessage record) {
        return records.submit(() -> push.handle(record));
    }
}
