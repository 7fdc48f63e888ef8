package dev.hearken.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;

/**
 * What differs between Hearken's tables; billing, recovery and encryption are decided once in {@link DataTable}.
 *
 * @param name         kebab-case table name; the physical name is {@code <prefix>-<name>}
 * @param partitionKey the partition key
 * @param sortKey      the sort key, or {@code null}
 * @param ttlAttribute the attribute holding the expiry (epoch seconds) where data expires, or {@code null}
 * @param indexes      global secondary indexes, for the queries the functions make
 */
public record DataTableProps(String name, Key partitionKey, Key sortKey, String ttlAttribute, List<Index> indexes) {

    public DataTableProps {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = List.copyOf(indexes);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("table name must be kebab-case: " + name);
        }
    }

    /** Starts props for the table {@code name} keyed by {@code partitionKey}. */
    public static Builder builder(String name, Key partitionKey) {
        return new Builder(name, partitionKey);
    }

    /**
     * A key attribute.
     *
     * @param name attribute name
     * @param type DynamoDB scalar type
     */
    public record Key(String name, AttributeType type) {

        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** A string ({@code S}) key attribute. */
        public static Key string(String name) {
            return new Key(name, AttributeType.STRING);
        }

        /** A number ({@code N}) key attribute. */
        public static Key number(String name) {
            return new Key(name, AttributeType.NUMBER);
        }

        Attribute attribute() {
            return Attribute.builder().name(name).type(type).build();
        }
    }

    /**
     * A global secondary index.
     *
     * @param name         index name, as the functions query it
     * @param partitionKey the index's partition key
     * @param sortKey      the index's sort key, or {@code null}
     * @param keysOnly     whether it projects only the keys (table and index) instead of all attributes: enough to
     *                     find items and delete them, at a fraction of the storage
     */
    public record Index(String name, Key partitionKey, Key sortKey, boolean keysOnly) {

        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
        }
    }

    /** Defaults: no sort key, no TTL, no indexes. */
    public static final class Builder {
        private final String name;
        private final Key partitionKey;
        private Key sortKey;
        private String ttlAttribute;
        private final List<Index> indexes = new ArrayList<>();

        private Builder(String name, Key partitionKey) {
            this.name = name;
            this.partitionKey = partitionKey;
        }

        public Builder sortKey(Key sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        public Builder ttlAttribute(String ttlAttribute) {
            this.ttlAttribute = ttlAttribute;
            return this;
        }

        public Builder index(String indexName, Key indexPartitionKey, Key indexSortKey) {
            this.indexes.add(new Index(indexName, indexPartitionKey, indexSortKey, false));
            return this;
        }

        /** An index on {@code indexPartitionKey} that projects only the keys (for lookups that delete, as an erasure). */
        public Builder keysOnlyIndex(String indexName, Key indexPartitionKey) {
            this.indexes.add(new Index(indexName, indexPartitionKey, null, true));
            return this;
        }

        public DataTableProps build() {
            return new DataTableProps(name, partitionKey, sortKey, ttlAttribute, indexes);
        }
    }
}
