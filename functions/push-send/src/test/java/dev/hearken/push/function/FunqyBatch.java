package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.push.aws.SqsPushRecords;
import dev.hearken.push.service.PushService;
import dev.hearken.push.service.PushWorker;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An SQS batch handled the way Funqy's advanced event handling does it
 * ({@code io.quarkus.funqy.lambda.event.EventProcessor} and {@code EventErrorHandler}, quarkus-funqy-amazon-lambda
 * 3.34): the function is called for every record first, then the {@code Uni}s are combined with
 * {@code collectFailures()} and awaited, and a record whose {@code Uni} fails is added to a plain list.
 * For tests and benchmarks that drive the worker without starting Quarkus; {@code SendFunctionTest}
 * proves the same behaviour through Funqy itself.
 */
public final class FunqyBatch {

    private FunqyBatch() {
    }

    /** The worker as Quarkus wires it, from its parts. */
    public static SendFunction worker(PushService push, SqsRedelivery redelivery, ObjectMapper json,
            ConcurrentRecords records) {
        return new SendFunction(new SqsPushRecords(new PushWorker(push), redelivery, json), records);
    }

    /** Runs {@code records} through {@code worker}; returns the message ids Funqy would report as failed. */
    public static List<String> run(SendFunction worker, List<SQSEvent.SQSMessage> records) {
        Map<String, SQSEvent.SQSMessage> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(r.getMessageId(), r));
        return run(List.copyOf(byId.keySet()), id -> worker.send(byId.get(id)));
    }

    /** Runs one call of {@code function} per id, Funqy's way; returns the ids whose {@code Uni} failed. */
    static List<String> run(List<String> ids, Function<String, Uni<Void>> function) {
        List<String> failures = new ArrayList<>(); // not thread-safe, as in Funqy
        List<Uni<?>> unis = new ArrayList<>();
        for (String id : ids) {
            Uni<Void> output;
            try {
                output = function.apply(id);
            } catch (RuntimeException e) {
                output = Uni.createFrom().failure(e);
            }
            unis.add(output.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null || cancelled) {
                    failures.add(id);
                }
            }).onFailure().recoverWithNull());
        }
        Uni.combine().all().unis(unis).collectFailures().discardItems().onFailure().recoverWithNull()
                .await().indefinitely();
        return failures;
    }
}
