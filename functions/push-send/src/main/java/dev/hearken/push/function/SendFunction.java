package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.PushMessageJson;
import dev.hearken.push.service.PushWorker;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * push-send's worker: one SQS record of the push queue per call → {@link PushWorker#handle}. Funqy's
 * advanced event handling calls this once per record and reports the records that failed as
 * {@code batchItemFailures}. The records of a batch run at the same time ({@link ConcurrentRecords}: why a
 * {@code Uni}, and how many).
 */
public class SendFunction {

    private final PushWorker worker;
    private final ObjectMapper json;
    private final ConcurrentRecords records;

    @Inject
    SendFunction(PushWorker worker, ObjectMapper json, ConcurrentRecords records) {
        this.worker = worker;
        this.json = json;
        this.records = records;
    }

    @Funq("send")
    public Uni<Void> send(SQSEvent.SQSMessage record) {
        return records.submit(() -> worker.handle(record.getMessageId(), record.getReceiptHandle(),
                () -> PushMessageJson.read(json, record.getBody())));
    }
}
