package dev.hearken.aws.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.testing.MutableClock;
import dev.hearken.testing.aws.Dynalite;
import dev.hearken.testing.aws.Emulator;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The shared rate budget: its arithmetic on moto, and on dynalite (which, like DynamoDB and unlike moto's
 * server, serialises conditional writes per item) that concurrent callers together never exceed it.
 */
class DynamoDbRateBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void a_budget_of_100_per_minute_allows_15_calls_per_10_second_window_then_says_when_to_come_back() {
        DynamoDbClient dynamo = Emulator.shared().dynamo();
        DynamoDbRateBudget budget = new DynamoDbRateBudget(dynamo, table(dynamo), clock,
                Map.of("zendesk.ticket-updates", DynamoDbRateBudget.Limit.parse("100/1m")));
        clock.set(Instant.parse("2026-12-07T10:00:03Z"));

        for (int i = 0; i < 15; i++) {
            budget.take("zendesk", "ticket-updates", "acme.zendesk.com");
        }

        assertThatThrownBy(() -> budget.take("zendesk", "ticket-updates", "acme.zendesk.com"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.service()).isEqualTo("zendesk");
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(8));
                });
        clock.advance(Duration.ofSeconds(7));
        budget.take("zendesk", "ticket-updates", "acme.zendesk.com");
    }

    @Test
    void accounts_and_budgets_count_apart_and_an_unlisted_budget_is_unlimited() {
        DynamoDbClient dynamo = Emulator.shared().dynamo();
        DynamoDbRateBudget budget = new DynamoDbRateBudget(dynamo, table(dynamo), clock,
                Map.of("zendesk.ticket-updates", DynamoDbRateBudget.Limit.parse("1/1m")));

        budget.take("zendesk", "ticket-updates", "acme.zendesk.com");
        budget.take("zendesk", "ticket-updates", "other.zendesk.com");
        for (int i = 0; i < 50; i++) {
            budget.take("zendesk", "requests", "acme.zendesk.com");
        }

        assertThatThrownBy(() -> budget.take("zendesk", "ticket-updates", "acme.zendesk.com"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void concurrent_callers_on_many_instances_together_take_exactly_the_window_limit() throws Exception {
        assumeTrue(Dynalite.nodeAvailable(), "SKIPPED: node and npm are not on the PATH, so the budget race cannot "
                + "run on dynalite (moto does not serialise conditional writes); install Node.js 20 to run it");
        try (Dynalite dynalite = Dynalite.start()) {
            assertThat(dynalite).as("dynalite could not be installed with npm; see target/dynalite/npm-install.log")
                    .isNotNull();
            try (DynamoDbClient client = dynalite.client()) {
                String table = table(client);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    // one budget object per "instance": they share nothing but the table
                    DynamoDbRateBudget instance = new DynamoDbRateBudget(client, table, clock,
                            Map.of("zendesk.ticket-updates", DynamoDbRateBudget.Limit.parse("100/1m")));
                    calls.add(() -> {
                        try {
                            instance.take("zendesk", "ticket-updates", "acme.zendesk.com");
                            return true;
                        } catch (RateLimitedException spent) {
                            return false;
                        }
                    });
                }
                List<Boolean> taken = new ArrayList<>();
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    taken.add(f.get());
                }
                pool.shutdown();

                assertThat(taken.stream().filter(t -> t).count()).isEqualTo(15);
            }
        }
    }

    @Test
    void a_limit_too_small_to_split_is_counted_over_its_whole_period() {
        DynamoDbClient dynamo = Emulator.shared().dynamo();
        DynamoDbRateBudget budget = new DynamoDbRateBudget(dynamo, table(dynamo), clock,
                Map.of("googleplay.review-reads", DynamoDbRateBudget.Limit.parse("4/1h")));

        for (int i = 0; i < 3; i++) {
            budget.take("googleplay", "review-reads", "com.example.lumen");
        }

        assertThatThrownBy(() -> budget.take("googleplay", "review-reads", "com.example.lumen"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1).plusMillis(1)));
    }

    @Test
    void limits_are_written_units_per_period() {
        assertThat(DynamoDbRateBudget.Limit.parse("2000/1d"))
                .isEqualTo(new DynamoDbRateBudget.Limit(2000, Duration.ofDays(1)));
        assertThatThrownBy(() -> DynamoDbRateBudget.Limit.parse("100 per minute"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DynamoDbRateBudget.Limit.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String table(DynamoDbClient dynamo) {
        String name = "budget-test-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("budgetKey").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("budgetKey").keyType(KeyType.HASH)));
        return name;
    }
}
