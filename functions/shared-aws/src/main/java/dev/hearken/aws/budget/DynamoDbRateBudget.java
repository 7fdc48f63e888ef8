package dev.hearken.aws.budget;

import dev.hearken.integration.RateBudget;
import dev.hearken.integration.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RateBudget} on the {@code rate-budgets} table: fixed windows, one counter item per (service, budget,
 * account, window, shard), taken with one conditional {@code UpdateItem} ({@code ADD used 1} if {@code used < limit})
 * — atomic across every instance, one request per call, no read.
 *
 * <p>Why these choices: a provider's limit of N per period is counted in six windows of a sixth of the period each,
 * so that a burst at one window's end and the next one's start stays far closer to the limit than with one window
 * per period (a limit too small to split keeps one window per period); the limit used is {@link #HEADROOM} of the
 * documented one, for the calls Hearken does not make (agents' own tools share a Zendesk account). A budget faster
 * than one item can take (about 1,000 writes per second per partition) is split into shards, each with its share of
 * the window's limit; a spent shard sends the caller to one other shard before it waits. Items expire (TTL
 * {@code expiresAt}) an hour after their window.
 */
public final class DynamoDbRateBudget implements RateBudget {

    /** Share of the documented limit Hearken allows itself. */
    public static final double HEADROOM = 0.9;
    /** Windows per period. */
    static final int WINDOWS = 6;
    /** Largest number of units one shard counts per window. */
    static final int UNITS_PER_SHARD = 2_000;

    /**
     * A documented limit: {@code units} per {@code period}, written {@code 100/1m}, {@code 200/1h}, {@code 2000/1d}.
     */
    public record Limit(int units, Duration period) {

        public Limit {
            if (units < 1 || period.toSeconds() < 1) {
                throw new IllegalArgumentException("a limit needs ≥ 1 unit per ≥ 1 second");
            }
        }

        /** Parses {@code <units>/<n><s|m|h|d>}. */
        public static Limit parse(String text) {
            String[] parts = text.strip().split("/");
            if (parts.length != 2 || !parts[1].matches("\\d+[smhd]") || !parts[0].matches("\\d{1,9}")) {
                throw new IllegalArgumentException("a limit is <units>/<n><s|m|h|d>, e.g. 100/1m, got: " + text);
            }
            long n = Long.parseLong(parts[1].substring(0, parts[1].length() - 1));
            Duration period = switch (parts[1].charAt(parts[1].length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Limit(Integer.parseInt(parts[0]), period);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<String, Limit> limits;

    /**
     * @param limits documented limits by {@code <service>.<budget>} ({@code zendesk.ticket-updates}: 100/1m); a
     *               budget not listed is unlimited
     */
    public DynamoDbRateBudget(DynamoDbClient dynamo, String table, Clock clock, Map<String, Limit> limits) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.limits = Map.copyOf(limits);
    }

    @Override
    public void take(String service, String budget, String account) {
        Limit limit = limits.get(service + "." + budget);
        if (limit == null) {
            return;
        }
        long windowSeconds = limit.period().toSeconds() / WINDOWS;
        int windowLimit = (int) Math.floor(limit.units() * HEADROOM / WINDOWS);
        if (windowLimit < 1 || windowSeconds < 1) {
            windowSeconds = limit.period().toSeconds();
            windowLimit = Math.max(1, (int) Math.floor(limit.units() * HEADROOM));
        }
        int shards = (windowLimit + UNITS_PER_SHARD - 1) / UNITS_PER_SHARD;
        int shardLimit = Math.max(1, windowLimit / shards);
        Instant now = clock.instant();
        long window = now.getEpochSecond() / windowSeconds;
        long expires = (window + 1) * windowSeconds + Duration.ofHours(1).toSeconds();
        int shard = ThreadLocalRandom.current().nextInt(shards);
        String stem = service + "#" + budget + "#" + account + "#" + windowSeconds + "#" + window + "#";
        if (tryTake(stem + shard, shardLimit, expires)
                || shards > 1 && tryTake(stem + (shard + 1) % shards, shardLimit, expires)) {
            return;
        }
        Instant next = Instant.ofEpochSecond((window + 1) * windowSeconds);
        throw new RateLimitedException(service, Duration.between(now, next).plusMillis(1));
    }

    private boolean tryTake(String key, int limit, long expires) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("budgetKey", AttributeValue.fromS(key)))
                    .updateExpression("ADD used :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                    .conditionExpression("attribute_not_exists(used) OR used < :limit")
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":expires", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }
}
