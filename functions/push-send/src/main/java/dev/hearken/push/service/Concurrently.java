package dev.hearken.push.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a message's calls that do not wait for each other at the same time, on one executor (virtual threads in
 * the function, {@code Runnable::run} in tests that want one call after the other), and waits for them so
 * that a failure is rethrown as it was thrown — never wrapped, never lost while another call is still running.
 */
final class Concurrently {

    private final Executor executor;

    Concurrently(Executor executor) {
        this.executor = executor;
    }

    /** Starts {@code call} on the executor. */
    <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** Starts {@code call} on the executor. */
    CompletableFuture<Void> start(Runnable call) {
        return CompletableFuture.runAsync(call, executor);
    }

    /**
     * Runs {@code first} on the executor and {@code second} here, and returns once both are done; a failure
     * is rethrown then (the second's, with the first's suppressed, when both fail).
     */
    void both(Runnable first, Runnable second) {
        CompletableFuture<Void> other = start(first);
        try {
            second.run();
        } catch (RuntimeException e) {
            other.exceptionally(t -> {
                e.addSuppressed(t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t);
                return null;
            }).join();
            throw e;
        }
        await(other);
    }

    /** The results in order, once every call is done; a failure is rethrown only after all have finished. */
    <T> List<T> all(List<Supplier<T>> calls) {
        List<CompletableFuture<T>> started = calls.stream().map(this::start).toList();
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        return started.stream().map(CompletableFuture::join).toList();
    }

    /** The value of {@code future}, waiting for it; its failure rethrown as it was thrown. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Waits for {@code future}, whatever its outcome (one already reported, or of no use any more). */
    static void awaitQuietly(CompletableFuture<?> future) {
        future.exceptionally(t -> null).join();
    }
}
