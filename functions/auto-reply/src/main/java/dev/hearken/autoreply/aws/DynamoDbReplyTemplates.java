package dev.hearken.autoreply.aws;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.autoreply.domain.ReplyTemplate;
import dev.hearken.autoreply.domain.ReplyTemplates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reply templates in DynamoDB: partition {@code templateKey}, sort {@code language}; attributes
 * {@code body}, optional {@code experimentKey} and {@code variants} (map variation → body).
 *
 * <p>Entries (and misses) are cached per function instance for {@code ttl} (Caffeine), so an operator's edit is
 * live within that time without a deploy, and a warm instance does not read the table per message.
 */
public final class DynamoDbReplyTemplates implements ReplyTemplates {

    private record Key(String templateKey, String language) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final LoadingCache<Key, Optional<ReplyTemplate>> cache;

    public DynamoDbReplyTemplates(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        // Bounded: keys come from the catalogue's few hundred templates and the languages asked for.
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(4_096)
                .build(k -> load(k.templateKey(), k.language()));
    }

    @Override
    public Optional<ReplyTemplate> find(String key, String language) {
        return cache.get(new Key(key, language));
    }

    private Optional<ReplyTemplate> load(String key, String language) {
        var response = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "templateKey", AttributeValue.fromS(key), "language", AttributeValue.fromS(language))));
        return response.hasItem() ? template(response.item()) : Optional.empty();
    }

    /** The template an item holds (its key attributes included); empty for an item without a {@code body}. */
    public static Optional<ReplyTemplate> template(Map<String, AttributeValue> item) {
        if (!item.containsKey("body")) {
            return Optional.empty();
        }
        Map<String, String> variants = new LinkedHashMap<>();
        AttributeValue v = item.get("variants");
        if (v != null && v.hasM()) {
            v.m().forEach((variation, body) -> variants.put(variation, body.s()));
        }
        AttributeValue experiment = item.get("experimentKey");
        return Optional.of(new ReplyTemplate(item.get("templateKey").s(), item.get("language").s(), item.get("body").s(),
                experiment == null || experiment.s() == null || experiment.s().isBlank() ? null : experiment.s(),
                variants));
    }

    /**
     * The item of {@code template} without its key attributes, in the shape {@link #template} reads: the operator
     * API writes templates through this.
     */
    public static Map<String, AttributeValue> item(ReplyTemplate template) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("body", AttributeValue.fromS(template.body()));
        if (template.experimentKey() != null) {
            item.put("experimentKey", AttributeValue.fromS(template.experimentKey()));
        }
        if (!template.variants().isEmpty()) {
            Map<String, AttributeValue> variants = new LinkedHashMap<>();
            template.variants().forEach((variation, body) -> variants.put(variation, AttributeValue.fromS(body)));
            item.put("variants", AttributeValue.fromM(variants));
        }
        return item;
    }
}
