package dev.hearken.review.aws;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.review.model.Store;
import dev.hearken.review.parse.AppResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The configured apps ({@code review-apps} table: {@code appId}, {@code store}, {@code name}, optional
 * {@code enabled}), scanned once and cached (Caffeine, for the configured TTL): the table holds a handful of items.
 */
public final class DynamoDbApps implements AppResolver {

    /** One configured app. */
    public record App(String appId, Store store, String name, boolean enabled) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final LoadingCache<String, List<App>> cache;

    public DynamoDbApps(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build(t -> scan());
    }

    /** Every configured app, enabled or not. */
    public List<App> all() {
        return cache.get(table);
    }

    private List<App> scan() {
        List<App> apps = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table)).items()) {
            AttributeValue enabled = item.get("enabled");
            apps.add(new App(item.get("appId").s(), Store.fromCode(item.get("store").s()),
                    item.containsKey("name") ? item.get("name").s() : item.get("appId").s(),
                    enabled == null || enabled.bool() == null || enabled.bool()));
        }
        return List.copyOf(apps);
    }

    @Override
    public Optional<String> appIdByName(Store store, String appName) {
        return all().stream().filter(a -> a.store() == store && a.name().equalsIgnoreCase(appName.strip()))
                .map(App::appId).findFirst();
    }
}
