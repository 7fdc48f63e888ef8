package dev.hearken.autoreply.aws;

import dev.hearken.autoreply.domain.ReplyTemplate;
import dev.hearken.autoreply.domain.TemplateCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalogue in DynamoDB: partition {@code templateKey}, sort {@code language}; attributes
 * {@code body}, optional {@code experimentKey} and {@code variants} (map variation → body).
 *
 * <p>Entries (and misses) are cached per function instance for {@code ttl}, so an operator's edit is
 * live within that time without a deploy, and a warm instance does not read the table per message.
 */
public final class DynamoDbTemplateCatalogue implements TemplateCatalogue {

    private record Cached(Optional<ReplyTemplate> template, Instant until) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbTemplateCatalogue(DynamoDbClient dynamo, String table, Duration ttl, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<ReplyTemplate> find(String key, String language) {
        Instant now = clock.instant();
        String cacheKey = key + "\u0000" + language;
        Cached cached = cache.get(cacheKey);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.template();
        }
        Optional<ReplyTemplate> loaded = load(key, language);
        cache.put(cacheKey, new Cached(loaded, now.plus(ttl)));
        return loaded;
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
