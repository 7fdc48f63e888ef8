package dev.hearken.push.function;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs the records of an SQS batch at the same time — at most {@code maxInFlight} per function
 * instance, each on its own virtual thread — while Funqy still reports exactly the failed ones.
 *
 * <p>Why this shape (read from {@code io.quarkus.funqy.lambda.event.EventProcessor}, quarkus-funqy-amazon-lambda
 * 3.34, and proven by {@code SendFunctionTest}): with advanced event handling Funqy first calls the
 * {@code @Funq} method once for <em>every</em> record of the batch, and only then subscribes to the returned
 * {@code Uni}s, combined with {@code Uni.combine().all().unis(…).collectFailures()} and awaited on the Lambda
 * thread. Each record's failure is added to a plain {@code ArrayList} (its {@code batchItemFailures}) from the
 * thread that completes that record's {@code Uni} — not safe if records completed on many threads at once.
 * So {@link #submit} starts the record right away on a virtual thread and returns a {@code Uni} that
 * <em>waits</em> for it when subscribed: the records run concurrently, and Funqy sees their outcomes one by
 * one on its own thread.
 *
 * <p>Virtual threads because a record mostly waits (DynamoDB, FCM, APNs); the bound keeps a large batch from
 * opening more connections than the clients are sized for ({@code hearken.push.worker.max-in-flight}).
 */
public final class ConcurrentRecords {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;

    /** @param maxInFlight records processed at the same time; the others wait for a slot */
    public ConcurrentRecords(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Starts {@code record} now; the returned {@code Uni} emits when it is done, or fails with what it threw.
     * Subscribing blocks the subscriber's thread until then (Funqy awaits the batch on its thread anyway).
     */
    public Uni<Void> submit(Runnable record) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            inFlight.acquireUninterruptibly();
            try {
                record.run();
            } finally {
                inFlight.release();
            }
        }, threads);
        return Uni.createFrom().item(() -> await(done));
    }

    private static Void await(CompletableFuture<Void> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
