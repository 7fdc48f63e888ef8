package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.s;

import dev.hearken.push.domain.Delivery;
import dev.hearken.push.port.DeliveryLog;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Delivery records in {@code push-deliveries}, the input of monitoring, the program overview and
 * experiment results. Item shape (a contract for readers):
 *
 * <table>
 *   <caption>push-deliveries item</caption>
 *   <tr><td>{@code pk}</td><td>S, partition</td><td>{@code <program>#<day>#<shard>}, day = UTC {@code yyyy-MM-dd},
 *       shard = 0..{@code deliveryShards-1} from the message key: a campaign writes thousands of records a
 *       second to one program-day, more than one partition takes, so readers query every shard</td></tr>
 *   <tr><td>{@code sk}</td><td>S, sort</td><td>{@code <at ISO-8601>#<random id>}</td></tr>
 *   <tr><td>{@code program}, {@code day}</td><td>S</td><td>the CRM program and the UTC day, again as plain attributes</td></tr>
 *   <tr><td>{@code outcome}</td><td>S</td><td>{@code sent}|{@code deferred}|{@code capped}|{@code opted-out}|{@code failed}</td></tr>
 *   <tr><td>{@code reason}</td><td>S, optional</td><td>{@code quiet-hours}, {@code not-before}, {@code cap:d#2026-03-20},
 *       {@code dead-token:fcm:UNREGISTERED}, {@code retry:apns:429:TooManyRequests}, {@code no-device}, ...</td></tr>
 *   <tr><td>{@code channel}</td><td>S, optional</td><td>{@code fcm}|{@code apns} for per-device records; absent for message decisions</td></tr>
 *   <tr><td>{@code priority}, {@code template}, {@code idempotencyKey}, {@code userId}, {@code at}</td><td>S</td><td>the message</td></tr>
 *   <tr><td>{@code locale}, {@code variationKey}</td><td>S, optional</td><td>catalogue locale and template variant used</td></tr>
 *   <tr><td>{@code experimentKey}, {@code variationId}</td><td>S, N, optional</td><td>when the copy was an experiment</td></tr>
 *   <tr><td>{@code expiresAt}</td><td>N</td><td>TTL, epoch seconds</td></tr>
 * </table>
 * A deferred message is recorded once per deferral hop; a message sent to two devices gives two
 * {@code sent} records.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final int shards;

    public DynamoDbDeliveryLog(DynamoDbClient dynamo, String table, Duration retention, int shards) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.shards = shards;
    }

    /** The partition key of {@code program} on {@code day} for the message {@code idempotencyKey}. */
    public static String partition(String program, LocalDate day, String idempotencyKey, int shards) {
        return program + "#" + day + "#" + Math.floorMod(idempotencyKey.hashCode(), shards);
    }

    @Override
    public void record(Delivery d) {
        LocalDate day = LocalDate.ofInstant(d.at(), ZoneOffset.UTC);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(d.program(), day, d.idempotencyKey(), shards)));
        item.put("sk", s(d.at() + "#" + UUID.randomUUID()));
        item.put("program", s(d.program()));
        item.put("day", s(day.toString()));
        item.put("outcome", s(d.outcome().wireName()));
        item.put("priority", s(d.priority()));
        item.put("template", s(d.template()));
        item.put("idempotencyKey", s(d.idempotencyKey()));
        item.put("userId", s(d.userId()));
        item.put("at", s(d.at().toString()));
        item.put("expiresAt", n(d.at().plus(retention).getEpochSecond()));
        put(item, "reason", d.reason());
        put(item, "channel", d.channel());
        put(item, "locale", d.locale());
        put(item, "experimentKey", d.experimentKey());
        put(item, "variationKey", d.variationKey());
        if (d.variationId() != null) {
            item.put("variationId", n(d.variationId()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
