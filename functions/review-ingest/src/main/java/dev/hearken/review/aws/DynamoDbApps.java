package dev.hearken.review.aws;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import dev.hearken.review.parse.AppResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The configured apps ({@code review-apps} table: {@code appId}, {@code store}, {@code name}, optional
 * {@code enabled}, {@code credentials} and {@code languages}), scanned once and cached (Caffeine, for the configured
 * TTL): the table holds a handful of items. An operator's change through the operator API (written by
 * {@link #item}) is therefore seen by a warm function within that TTL ({@code hearken.review.cache-ttl}).
 */
public final class DynamoDbApps implements AppResolver {

    private final DynamoDbClient dynamo;
    private final String table;
    private final LoadingCache<String, List<ReviewApp>> cache;

    public DynamoDbApps(DynamoDbClient dynamo, String table, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build(t -> scan());
    }

    /** Every configured app, enabled or not. */
    public List<ReviewApp> all() {
        return cache.get(table);
    }

    private List<ReviewApp> scan() {
        List<ReviewApp> apps = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table)).items()) {
            apps.add(app(item));
        }
        return List.copyOf(apps);
    }

    /** The app an item holds (a missing {@code enabled} means enabled, a missing {@code name} the app id). */
    public static ReviewApp app(Map<String, AttributeValue> item) {
        AttributeValue enabled = item.get("enabled");
        AttributeValue credentials = item.get("credentials");
        AttributeValue languages = item.get("languages");
        return new ReviewApp(item.get("appId").s(), Store.fromCode(item.get("store").s()),
                item.containsKey("name") ? item.get("name").s() : item.get("appId").s(),
                enabled == null || enabled.bool() == null || enabled.bool(),
                credentials == null ? null : credentials.s(),
                languages == null || !languages.hasL() ? List.of() : languages.l().stream().map(AttributeValue::s).toList());
    }

    /** The item of {@code app} in the shape {@link #app} reads: the operator API writes apps through this. */
    public static Map<String, AttributeValue> item(ReviewApp app) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("appId", AttributeValue.fromS(app.appId()));
        item.put("store", AttributeValue.fromS(app.store().code()));
        item.put("name", AttributeValue.fromS(app.name()));
        item.put("enabled", AttributeValue.fromBool(app.enabled()));
        if (app.credentials() != null) {
            item.put("credentials", AttributeValue.fromS(app.credentials()));
        }
        if (!app.languages().isEmpty()) {
            item.put("languages", AttributeValue.fromL(app.languages().stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    @Override
    public Optional<String> appIdByName(Store store, String appName) {
        return all().stream().filter(a -> a.store() == store && a.name().equalsIgnoreCase(appName.strip()))
                .map(ReviewApp::appId).findFirst();
    }

    @Override
    public Optional<ReviewApp> app(Store store, String appId) {
        return all().stream().filter(a -> a.store() == store && a.appId().equals(appId)).findFirst();
    }
}
