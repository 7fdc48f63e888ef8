package dev.hearken.aws.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of one operator-managed object: its table key attributes and the id the audit trail and the URLs use
 * ({@code privacy}; {@code how-to/es} for a template and its language).
 *
 * @param attributes the table's key attributes (partition, and sort where the table has one), in key order
 * @param id         the object's id: the key values joined by {@code /}
 */
public record ItemKey(Map<String, AttributeValue> attributes, String id) {

    public ItemKey {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(id, "id");
    }

    /** A key of string attributes, given as name, value, name, value… in key order. */
    public static ItemKey strings(String... namesAndValues) {
        if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
            id.append(i == 0 ? "" : "/").append(namesAndValues[i + 1]);
        }
        return new ItemKey(attributes, id.toString());
    }

    /** The partition key attribute's name. */
    public String partitionName() {
        return attributes.keySet().iterator().next();
    }
}
