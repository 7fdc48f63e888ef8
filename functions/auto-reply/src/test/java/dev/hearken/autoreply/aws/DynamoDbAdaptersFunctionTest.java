package dev.hearken.autoreply.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.autoreply.domain.ReplyLedger;
import dev.hearken.autoreply.domain.ReplyOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ledger and the caps against DynamoDB in the emulator (tables from the CDK template). */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class DynamoDbAdaptersFunctionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    DynamoDbClient dynamo;

    @Test
    void takes_stop_at_the_daily_cap_per_channel_app_and_day() {
        // Sequential on purpose: DynamoDB applies a conditional update atomically per item
        // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate),
        // but moto's in-memory backend does not lock items across its request threads, so a
        // concurrent version of this test measures moto, not the adapter (it let 6 of 24 through).
        DynamoDbDailyCaps caps = new DynamoDbDailyCaps(dynamo, "hearken-reply-caps");
        LocalDate day = LocalDate.of(2026, 3, 2);

        long granted = 0;
        for (int i = 0; i < 12; i++) {
            granted += caps.tryTake("googleplay", "com.example.cap", day, 5) ? 1 : 0;
        }

        assertThat(granted).isEqualTo(5);
        assertThat(caps.tryTake("googleplay", "com.example.cap", day.plusDays(1), 5)).isTrue(); // a new day
        assertThat(caps.tryTake("googleplay", "com.example.other", day, 5)).isTrue(); // another app
        assertThat(caps.tryTake("zendesk", "com.example.cap", day, 5)).isTrue(); // another channel
    }

    @Test
    void a_claim_made_at_any_precision_can_be_taken_over_exactly_once() {
        DynamoDbReplyLedger ledger = new DynamoDbReplyLedger(dynamo, AutoReplyResource.REPLIES, Duration.ofDays(730));
        // Instant.toString writes 0, 3, 6 or 9 fraction digits; such strings do not sort by time.
        for (String at : new String[] {"2026-03-02T10:00:00Z", "2026-03-02T10:00:00.810Z",
                "2026-03-02T10:00:00.810123Z", "2026-03-02T10:00:00.810123456Z"}) {
            String id = "test:precision-" + at.length();
            Instant claimedAt = Instant.parse(at);
            ledger.claim(id, claimedAt);
            ReplyLedger.Claim seen = ledger.claim(id, claimedAt.plusSeconds(600));

            assertThat(ledger.takeOver(id, seen.claimedAt(), claimedAt.plusSeconds(600))).as(at).isTrue();
            assertThat(ledger.takeOver(id, seen.claimedAt(), claimedAt.plusSeconds(601))).as(at).isFalse();
        }
    }

    @Test
    void a_claim_is_new_once_then_pending_then_done_and_a_release_frees_it() {
        DynamoDbReplyLedger ledger = new DynamoDbReplyLedger(dynamo, AutoReplyResource.REPLIES, Duration.ofDays(730));

        assertThat(ledger.claim("test:ledger-1", NOW).state()).isEqualTo(ReplyLedger.State.NEW);
        ReplyLedger.Claim again = ledger.claim("test:ledger-1", NOW.plusSeconds(5));
        assertThat(again.state()).isEqualTo(ReplyLedger.State.PENDING);
        assertThat(again.claimedAt()).isEqualTo(NOW);

        assertThat(ledger.takeOver("test:ledger-1", NOW.plusSeconds(1), NOW.plusSeconds(200))).isFalse(); // not the claim seen
        assertThat(ledger.takeOver("test:ledger-1", NOW, NOW.plusSeconds(200))).isTrue();
        assertThat(ledger.takeOver("test:ledger-1", NOW, NOW.plusSeconds(201))).isFalse(); // taken by the first

        ledger.complete("test:ledger-1", new ReplyOutcome(ReplyOutcome.Status.SENT, null, "ticket:how_to", "pt-BR",
                "reply-template-tone", "friendly"), NOW.plusSeconds(202));
        assertThat(ledger.claim("test:ledger-1", NOW.plusSeconds(300)).state()).isEqualTo(ReplyLedger.State.DONE);
        ledger.release("test:ledger-1"); // a done outcome is never released
        assertThat(ledger.claim("test:ledger-1", NOW.plusSeconds(301)).state()).isEqualTo(ReplyLedger.State.DONE);

        assertThat(ledger.claim("test:ledger-2", NOW).state()).isEqualTo(ReplyLedger.State.NEW);
        ledger.release("test:ledger-2");
        assertThat(ledger.claim("test:ledger-2", NOW).state()).isEqualTo(ReplyLedger.State.NEW);
    }
}
