package dev.hearken.aws.admin;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An operator-managed item as stored, with its concurrency version and who changed it last.
 *
 * @param item      the item's attributes, without the bookkeeping attributes
 * @param version   {@code 0} for an item written before it was versioned (a seed), then 1, 2, … per write
 * @param updatedAt when it was last written through the operator API, or {@code null} for a seed
 * @param updatedBy who wrote it last (an IAM ARN, {@code bootstrap}), or {@code null} for a seed
 */
public record Versioned(Map<String, AttributeValue> item, long version, Instant updatedAt, String updatedBy) {

    public Versioned {
        item = Map.copyOf(item);
    }

    /** The HTTP entity tag of this version: {@code "3"}. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
