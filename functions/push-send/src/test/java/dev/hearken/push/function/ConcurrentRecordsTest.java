package dev.hearken.push.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcurrentRecords} under the batch handling Funqy applies to SQS events (see {@link FunqyBatch}):
 * records overlap up to the bound, and exactly the failed ones are reported.
 */
class ConcurrentRecordsTest {

    @Test
    void the_records_of_a_batch_overlap_up_to_the_bound_and_only_the_failed_ones_are_reported() {
        // given a bound of 4 and 12 records that each wait until 4 have started; two of them fail
        ConcurrentRecords records = new ConcurrentRecords(4);
        CountDownLatch fourStarted = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("msg-" + i);
        }

        // when Funqy's way of handling a batch runs them
        List<String> failed = FunqyBatch.run(ids, id -> records.submit(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourStarted.countDown();
            try {
                assertThat(fourStarted.await(30, TimeUnit.SECONDS)).as("four records in flight at once").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (id.equals("msg-3") || id.equals("msg-10")) {
                throw new IllegalStateException("bad record " + id);
            }
        }));

        // then four ran at a time, never more, and exactly the two failures came back
        assertThat(most.get()).isEqualTo(4);
        assertThat(failed).containsExactlyInAnyOrder("msg-3", "msg-10");
    }

    @Test
    void a_record_is_started_when_funqy_calls_the_function_not_when_it_subscribes() throws Exception {
        ConcurrentRecords records = new ConcurrentRecords(2);
        AtomicInteger ran = new AtomicInteger();

        Uni<Void> done = records.submit(ran::incrementAndGet);

        await().atMost(Duration.ofSeconds(30)).until(() -> ran.get() == 1);
        assertThat(done.await().indefinitely()).isNull();
    }
}
