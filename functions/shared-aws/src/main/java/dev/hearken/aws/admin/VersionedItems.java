package dev.hearken.aws.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One table of operator-managed objects (routing rules, templates, campaigns, …) with optimistic concurrency and
 * an audit trail. Each item carries {@code version} (1 after its first audited write; an item a seed wrote
 * without one is version 0), {@code updatedAt} and {@code updatedBy}; the functions that read the table ignore
 * them. Every write names the version it was based on and is one DynamoDB transaction of two puts: the item,
 * conditional on that version (so of two concurrent editors the second gets a 409, not a lost update), and its
 * {@link AuditTrail} entry.
 *
 * <p>Reads are strongly consistent: an operator who just wrote sees the write.
 */
public final class VersionedItems {

    /**
     * The expected version of a write sent with {@code If-Match: *} (RFC 9110 §13.1.1: "any current
     * representation"): it applies to the object as it is now, still conditional on that version at the write, so a
     * change landing in between is a 409, never lost. For scripts that mean "replace whatever is there".
     */
    public static final long ANY_VERSION = -1;

    /** The bookkeeping attributes, kept out of {@link Versioned#item()}. */
    public static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy");

    private final DynamoDbClient dynamo;
    private final String table;
    private final String kind;
    private final AuditTrail audit;

    /**
     * @param table the physical table name
     * @param kind  what an item is, in the audit trail and error messages ({@code routing-rule})
     */
    public VersionedItems(DynamoDbClient dynamo, String table, String kind, AuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.kind = kind;
        this.audit = audit;
    }

    /** What an item is ({@code routing-rule}). */
    public String kind() {
        return kind;
    }

    /** The object under {@code key}, if any. */
    public Optional<Versioned> find(ItemKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key.attributes())
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(versioned(item));
    }

    /** The object under {@code key}; a 404 when there is none. */
    public Versioned get(ItemKey key) {
        return find(key).orElseThrow(() -> AdminRefusal.notFound(kind, key.id()));
    }

    /** Every object of the table (configuration tables are small: a few hundred items at most). */
    public List<Versioned> list() {
        List<Versioned> all = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items()) {
            all.add(versioned(item));
        }
        return all;
    }

    /** Every object whose partition key is {@code key}'s (a template's languages). */
    public List<Versioned> partition(ItemKey key) {
        String name = key.partitionName();
        List<Versioned> all = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", name))
                .expressionAttributeValues(Map.of(":p", key.attributes().get(name)))).items()) {
            all.add(versioned(item));
        }
        return all;
    }

    /** Creates the object; a 409 when one exists under the key. */
    public Versioned create(ItemKey key, Map<String, AttributeValue> item, String author) {
        return createIfAbsent(key, item, author, "create")
                .orElseThrow(() -> AdminRefusal.exists(key.id(), get(key).version()));
    }

    /**
     * Creates the object unless one exists under the key, in which case it is left as it is (the bootstrap
     * never overwrites an operator's edit); the created object, or empty.
     */
    public Optional<Versioned> createIfAbsent(ItemKey key, Map<String, AttributeValue> item, String author,
            String action) {
        Instant now = audit.now();
        Map<String, AttributeValue> stored = stored(key, item, 1, now, author);
        Put put = Put.builder().tableName(table).item(stored)
                .conditionExpression("attribute_not_exists(#p)")
                .expressionAttributeNames(Map.of("#p", key.partitionName()))
                .build();
        try {
            write(TransactWriteItem.builder().put(put).build(),
                    audit.entry(entity(key), now, author, action, 1, null, strip(stored)));
        } catch (TransactionCanceledException e) {
            return Optional.empty();
        }
        return Optional.of(versioned(stored));
    }

    /** Replaces the object, which must be at version {@code expected}: 404 when absent, 409 when stale. */
    public Versioned replace(ItemKey key, long expected, Map<String, AttributeValue> item, String author) {
        return change(key, expected, author, "update", current -> item);
    }

    /**
     * Changes the object, which must be at version {@code expected}, to what {@code change} makes of its current
     * attributes (a state transition: start, pause, roll out), audited as {@code action}.
     */
    public Versioned change(ItemKey key, long expected, String author, String action,
            UnaryOperator<Map<String, AttributeValue>> change) {
        Versioned current = current(key, expected);
        long base = current.version();
        Instant now = audit.now();
        long next = base + 1;
        Map<String, AttributeValue> stored = stored(key, change.apply(current.item()), next, now, author);
        Put.Builder put = Put.builder().tableName(table).item(stored);
        versionCondition(base, put::conditionExpression, put::expressionAttributeValues);
        try {
            write(TransactWriteItem.builder().put(put.build()).build(),
                    audit.entry(entity(key), now, author, action, next, current.item(), strip(stored)));
        } catch (TransactionCanceledException e) {
            throw raced(key, base);
        }
        return versioned(stored);
    }

    /** Deletes the object, which must be at version {@code expected}: 404 when absent, 409 when stale. */
    public void delete(ItemKey key, long expected, String author) {
        Versioned current = current(key, expected);
        long base = current.version();
        Instant now = audit.now();
        Delete.Builder delete = Delete.builder().tableName(table).key(key.attributes());
        versionCondition(base, delete::conditionExpression, delete::expressionAttributeValues);
        try {
            write(TransactWriteItem.builder().delete(delete.build()).build(),
                    audit.entry(entity(key), now, author, "delete", base + 1, current.item(), null));
        } catch (TransactionCanceledException e) {
            throw raced(key, base);
        }
    }

    /** The audit trail's name of the object under {@code key}: {@code routing-rule#privacy}. */
    public String entity(ItemKey key) {
        return kind + "#" + key.id();
    }

    private Versioned current(ItemKey key, long expected) {
        Versioned current = get(key);
        if (expected != ANY_VERSION && current.version() != expected) {
            throw AdminRefusal.staleVersion(key.id(), expected, current.version());
        }
        return current;
    }

    /** The transaction was refused: the object changed or went between our read and our write. */
    private AdminRefusal raced(ItemKey key, long expected) {
        return find(key).map(now -> AdminRefusal.staleVersion(key.id(), expected, now.version()))
                .orElseGet(() -> AdminRefusal.notFound(kind, key.id()));
    }

    private void write(TransactWriteItem change, Put auditEntry) {
        dynamo.transactWriteItems(b -> b.transactItems(change, TransactWriteItem.builder().put(auditEntry).build()));
    }

    private static void versionCondition(long expected, java.util.function.Consumer<String> condition,
            java.util.function.Consumer<Map<String, AttributeValue>> values) {
        if (expected == 0) {
            condition.accept("attribute_not_exists(version)");
        } else {
            condition.accept("version = :v");
            values.accept(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
        }
    }

    private static Map<String, AttributeValue> stored(ItemKey key, Map<String, AttributeValue> item, long version,
            Instant now, String author) {
        Map<String, AttributeValue> stored = new LinkedHashMap<>(strip(item));
        stored.putAll(key.attributes());
        stored.put("version", AttributeValue.fromN(Long.toString(version)));
        stored.put("updatedAt", AttributeValue.fromS(now.toString()));
        stored.put("updatedBy", AttributeValue.fromS(author));
        return stored;
    }

    private static Map<String, AttributeValue> strip(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> plain = new HashMap<>(item);
        plain.keySet().removeAll(BOOKKEEPING);
        return plain;
    }

    private static Versioned versioned(Map<String, AttributeValue> item) {
        AttributeValue version = item.get("version");
        AttributeValue at = item.get("updatedAt");
        AttributeValue by = item.get("updatedBy");
        return new Versioned(strip(item), version == null ? 0 : Long.parseLong(version.n()),
                at == null ? null : Instant.parse(at.s()), by == null ? null : by.s());
    }
}
