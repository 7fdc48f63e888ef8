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
        if (!response.hasItem() || !response.item().containsKey("body")) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        Map<String, String> variants = new LinkedHashMap<>();
        AttributeValue v = item.get("variants");
        if (v != null && v.hasM()) {
            v.m().forEach((variation, body) -> variants.put(variation, body.s()));
        }
        AttributeValue experiment = item.get("experimentKey");
        return Optional.of(new ReplyTemplate(key, language, item.get("body").s(),
                experiment == null || experiment.s() == null || experiment.s().isBlank() ? null : experiment.s(),
                variants));
    }
}
