package dev.hearken.push.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Concurrently concurrently = new Concurrently(threads);

    @AfterEach
    void tearDown() {
        threads.close();
    }

    @Test
    void both_runs_its_two_calls_at_the_same_time() {
        // given two calls that each wait until the other has started
        CountDownLatch started = new CountDownLatch(2);
        Runnable meet = () -> {
            started.countDown();
            await(started);
        };

        // when both run
        concurrently.both(meet, meet);

        // then each saw the other start: neither waited for the other to finish
        assertThat(started.getCount()).isZero();
    }

    @Test
    void both_rethrows_the_failure_of_the_call_on_the_executor_as_thrown() {
        IllegalStateException failure = new IllegalStateException("first");

        assertThatThrownBy(() -> concurrently.both(() -> { throw failure; }, () -> { })).isSameAs(failure);
    }

    @Test
    void both_rethrows_the_second_failure_with_the_first_suppressed_once_both_are_done() {
        // given a first call that fails only after the second has failed
        CountDownLatch secondFailed = new CountDownLatch(1);
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");

        // when both run
        Throwable thrown = catchThrowable(() -> concurrently.both(() -> {
            await(secondFailed);
            throw first;
        }, () -> {
            secondFailed.countDown();
            throw second;
        }));

        // then the second's failure comes back, carrying the first's
        assertThat(thrown).isSameAs(second);
        assertThat(thrown.getSuppressed()).containsExactly(first);
    }

    @Test
    void all_returns_the_results_in_the_order_of_the_calls() {
        CountDownLatch started = new CountDownLatch(3);
        List<Supplier<String>> calls = List.of("a", "b", "c").stream().<Supplier<String>>map(name -> () -> {
            started.countDown();
            await(started);
            return name;
        }).toList();

        assertThat(concurrently.all(calls)).containsExactly("a", "b", "c");
    }

    @Test
    void all_rethrows_a_failure_only_after_every_call_has_finished() {
        // given one call that fails at once and one that finishes only after that
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean otherFinished = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("send failed");
        List<Supplier<String>> calls = List.of(() -> {
            failed.countDown();
            throw failure;
        }, () -> {
            await(failed);
            otherFinished.set(true);
            return "sent";
        });

        // when all run, then the failure is rethrown as it was thrown, and the other call was not abandoned
        assertThatThrownBy(() -> concurrently.all(calls)).isSameAs(failure);
        assertThat(otherFinished).isTrue();
    }

    @Test
    void await_unwraps_a_runtime_failure_and_await_quietly_swallows_it() {
        IllegalStateException failure = new IllegalStateException("read failed");
        CompletableFuture<String> failing = CompletableFuture.failedFuture(failure);

        assertThatThrownBy(() -> Concurrently.await(failing)).isSameAs(failure);
        Concurrently.awaitQuietly(failing);
        assertThat(Concurrently.await(CompletableFuture.completedFuture("ok"))).isEqualTo("ok");
    }

    @Test
    void a_direct_executor_runs_the_calls_one_after_the_other_on_the_callers_thread() {
        Concurrently inline = new Concurrently(Runnable::run);
        Thread caller = Thread.currentThread();

        List<Thread> ran = inline.all(List.of(Thread::currentThread, Thread::currentThread));

        assertThat(ran).containsOnly(caller);
    }

    private static Throwable catchThrowable(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Waits for {@code latch}; a test that deadlocks fails instead of hanging. */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other call never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
