package dev.hearken.aws.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.service.Exposure;
import dev.hearken.testing.aws.Dynalite;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB adapters on the tables the CDK template declares: on moto, and the first-exposure race
 * on dynalite, which (like DynamoDB, unlike moto's server) serialises a conditional write per item, so
 * concurrent writers really race there (see {@link Dynalite}).
 */
class DynamoDbExperimentAdaptersTest {

    private static final String EXPERIMENTS = "hearken-experiments";
    private static final String EXPOSURES = "hearken-exposures";
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void provision() {
        Emulator emulator = Emulator.shared();
        TemplateProvisioner.fromClasspath().provision(emulator.dynamo(), emulator.sqs());
        dynamo = emulator.dynamo();
    }

    @Test
    void concurrent_first_exposures_of_the_same_user_record_exactly_one_item() throws Exception {
        assumeTrue(Dynalite.nodeAvailable(), "SKIPPED: node and npm are not on the PATH, so the first-exposure race "
                + "cannot run on dynalite (moto does not serialise conditional writes); install Node.js 20 to run it");
        try (Dynalite dynalite = Dynalite.start()) {
            assertThat(dynalite).as("dynalite could not be installed with npm; see target/dynalite/npm-install.log")
                    .isNotNull();
            try (DynamoDbClient client = dynalite.client()) {
                dynalite.createTables(client, List.of(EXPOSURES));
                firstExposuresRace(client);
            }
        }
    }

    private static void firstExposuresRace(DynamoDbClient dynamo) throws Exception {
        DynamoDbExposureLog log = new DynamoDbExposureLog(dynamo, EXPOSURES, Duration.ofDays(400));
        String experiment = "concurrency-" + UUID.randomUUID();
        Exposure exposure = new Exposure(experiment, "user-42", 1, "b", "id", 0.42, Instant.parse("2026-11-25T10:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> log.recordFirst(exposure));
        }

        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results).containsOnlyOnce(true);
        var items = dynamo.query(b -> b.tableName(EXPOSURES).keyConditionExpression("experimentKey = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(experiment)))).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("variationKey").s()).isEqualTo("b");
            // TTL: exposedAt + 400 days, in epoch seconds
            assertThat(Long.parseLong(item.get("expiresAt").n()))
                    .isEqualTo(Instant.parse("2026-11-25T10:00:00Z").plus(Duration.ofDays(400)).getEpochSecond());
        });
    }

    @Test
    void the_catalogue_reads_every_definition_and_skips_an_invalid_one() {
        String good = "catalogue-good-" + UUID.randomUUID();
        String bad = "catalogue-bad-" + UUID.randomUUID();
        put(good, "{\"key\":\"" + good + "\",\"variations\":[\"a\",\"b\"],\"hashVersion\":2}");
        put(bad, "{\"key\":\"" + bad + "\",\"variations\":\"not-a-list\"}");

        List<Experiment> all = new DynamoDbExperimentCatalog(dynamo, new ObjectMapper(), EXPERIMENTS).all();

        assertThat(all).extracting(Experiment::key).contains(good).doesNotContain(bad);
    }

    private static void put(String key, String definition) {
        dynamo.putItem(b -> b.tableName(EXPERIMENTS).item(Map.of(
                "experimentKey", AttributeValue.fromS(key),
                "definition", AttributeValue.fromS(definition))));
    }
}
