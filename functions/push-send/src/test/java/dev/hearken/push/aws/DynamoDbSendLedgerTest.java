package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hearken.push.port.SendLedger;
import dev.hearken.testing.aws.Dynalite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ledger on dynalite: what an earlier attempt did comes back with the next lease, so no attempt needs
 * a read of its own to know whether the message was already counted in the caps.
 */
class DynamoDbSendLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-20T15:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static Dynalite dynalite;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start();
        if (dynalite == null) {
            return;
        }
        dynamo = dynalite.client();
        dynalite.createTables(dynamo, List.of("hearken-push-sends"));
    }

    @AfterAll
    static void stop() {
        if (dynalite != null) {
            dynamo.close();
            dynalite.close();
        }
    }

    @Test
    void a_retry_takes_the_lease_with_the_cap_mark_and_the_served_devices_of_the_attempt_before() {
        assumeThat(dynalite).as("dynalite (npm) could not be installed").isNotNull();
        DynamoDbSendLedger ledger = new DynamoDbSendLedger(dynamo, "hearken-push-sends", Duration.ofDays(30));
        String key = "retry-" + System.nanoTime();

        // given a first attempt that counted the message, served one device and gave the lease back
        SendLedger.Claim first = ledger.begin(key, NOW, LEASE);
        ledger.markCapTaken(key);
        ledger.markSent(key, "tok-android");
        ledger.release(key);

        // when the retry takes the lease
        SendLedger.Claim retry = ledger.begin(key, NOW.plusSeconds(30), LEASE);

        // then the first attempt saw a new key, and the retry sees what the first one did
        assertThat(first.entry().capTaken()).isFalse();
        assertThat(first.entry().sentTokens()).isEmpty();
        assertThat(retry.entry().capTaken()).isTrue();
        assertThat(retry.entry().sentTokens()).containsExactly("tok-android");
    }

    @Test
    void a_finished_key_is_refused_and_a_leased_one_is_busy() {
        assumeThat(dynalite).as("dynalite (npm) could not be installed").isNotNull();
        DynamoDbSendLedger ledger = new DynamoDbSendLedger(dynamo, "hearken-push-sends", Duration.ofDays(30));
        String done = "done-" + System.nanoTime();
        String leased = "leased-" + System.nanoTime();
        ledger.begin(done, NOW, LEASE);
        ledger.finish(done, "sent");
        ledger.begin(leased, NOW, LEASE);

        assertThat(ledger.begin(done, NOW.plusSeconds(120), LEASE).refusal()).isEqualTo(SendLedger.Refusal.FINISHED);
        assertThat(ledger.begin(leased, NOW.plusSeconds(30), LEASE).refusal()).isEqualTo(SendLedger.Refusal.BUSY);
    }
}
