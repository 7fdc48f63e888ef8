package dev.hearken.review.aws;

import dev.hearken.review.poll.Cursor;
import dev.hearken.review.poll.CursorStore;
import dev.hearken.review.poll.Position;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CursorStore} on the {@code review-cursors} table, one item per {@code cursorKey} ({@code store#app}). */
public final class DynamoDbCursorStore implements CursorStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCursorStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Cursor get(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("cursorKey", AttributeValue.fromS(key)))).item();
        if (item == null || item.isEmpty()) {
            return new Cursor(key, null, null, null, null);
        }
        return new Cursor(key, position(item, "newest"), s(item, "resume"), position(item, "sweepTop"),
                s(item, "notBefore") == null ? null : Instant.parse(s(item, "notBefore")));
    }

    @Override
    public void put(Cursor c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("cursorKey", AttributeValue.fromS(c.key()));
        put(item, "newest", c.newest());
        put(item, "sweepTop", c.sweepTop());
        if (c.resume() != null) {
            item.put("resume", AttributeValue.fromS(c.resume()));
        }
        if (c.notBefore() != null) {
            item.put("notBefore", AttributeValue.fromS(c.notBefore().toString()));
        }
        item.put("updatedAt", AttributeValue.fromS(Instant.now().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static void put(Map<String, AttributeValue> item, String name, Position p) {
        if (p != null) {
            item.put(name + "Time", AttributeValue.fromS(p.time().toString()));
            item.put(name + "Id", AttributeValue.fromS(p.id()));
        }
    }

    private static Position position(Map<String, AttributeValue> item, String name) {
        String time = s(item, name + "Time");
        return time == null ? null : new Position(Instant.parse(time), s(item, name + "Id"));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
