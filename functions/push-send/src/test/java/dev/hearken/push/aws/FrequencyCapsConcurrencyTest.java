package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.message.Priority;
import dev.hearken.testing.aws.Dynalite;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Concurrent workers against a DynamoDB emulator with per-item atomic conditional writes (dynalite; see
 * {@link Dynalite} for why not moto): whatever the interleaving, exactly {@code limit} messages get a
 * slot and the counters end at the limit.
 */
class FrequencyCapsConcurrencyTest {

    private static Dynalite dynalite;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start();
        if (dynalite == null) {
            return;
        }
        dynamo = dynalite.client();
        dynalite.createTables(dynamo, List.of("hearken-push-caps", "hearken-push-sends"));
    }

    @AfterAll
    static void stop() {
        if (dynalite != null) {
            dynamo.close();
            dynalite.close();
        }
    }

    @RepeatedTest(3)
    void thirty_two_concurrent_lifecycle_messages_take_exactly_the_three_daily_slots() throws Exception {
        assumeThat(dynalite).as("dynalite (npm) could not be installed").isNotNull();
        DynamoDbFrequencyCaps caps = new DynamoDbFrequencyCaps(dynamo, "hearken-push-caps");
        String user = "race-" + System.nanoTime();
        List<CapWindow> windows = CapWindow.at(Instant.parse("2026-03-20T15:00:00Z"), ZoneId.of("UTC"));
        List<Callable<CapWindow>> workers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            workers.add(() -> caps.take(user, Priority.LIFECYCLE, windows, new CapLimits(3, 2, 10, 5)));
        }

        List<CapWindow> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<CapWindow> f : pool.invokeAll(workers)) {
                results.add(f.get());
            }
        }

        assertThat(results.stream().filter(r -> r == null).count()).isEqualTo(3);
        assertThat(results.stream().filter(r -> r != null)).allMatch(w -> w.kind() == CapWindow.Kind.DAY);
        assertThat(count(user, windows.get(0).key())).isEqualTo(3);
        assertThat(count(user, windows.get(1).key())).isEqualTo(3);
    }

    private static long count(String user, String window) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("hearken-push-caps").consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user), "window", AttributeValue.fromS(window)))).item();
        return Long.parseLong(item.get("count").n());
    }
}
