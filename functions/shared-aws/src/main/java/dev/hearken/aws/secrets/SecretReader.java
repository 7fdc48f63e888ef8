package dev.hearken.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.aws.config.SecretSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The one reader of Secrets Manager secrets for every function. A secret is a JSON object; it is read once and
 * kept for {@link SecretSettings#cacheTtl()} per warm function, so an invocation does not pay a Secrets Manager
 * call, yet a rotation is picked up within that time. Errors name the secret id and the missing field, never
 * the value.
 */
@ApplicationScoped
public class SecretReader {

    /** A secret as read, and the records bound from it so far: a hot path binds once per secret version. */
    private record Entry(JsonNode json, ConcurrentMap<Class<?>, Object> bound) {
    }

    private final SecretsManagerClient client;
    private final ObjectMapper json;
    private final LoadingCache<String, Entry> cache;

    @Inject
    SecretReader(SecretsManagerClient client, ObjectMapper json, SecretSettings settings) {
        this(client, json, settings.cacheTtl());
    }

    /** For tests and non-CDI callers: {@code ttl} zero reads on every call. */
    public SecretReader(SecretsManagerClient client, ObjectMapper json, Duration ttl) {
        this.client = client;
        this.json = json;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(256).build(this::load);
    }

    /** The secret {@code id} as a JSON object. */
    public JsonNode json(String id) {
        return cache.get(id).json();
    }

    /**
     * The secret {@code id} bound to {@code type} (a record with the secret's fields); bound once and kept with the
     * cached secret, so callers on a hot path (a push send) do not bind the whole secret again per call.
     */
    public <T> T read(String id, Class<T> type) {
        Entry entry = cache.get(id);
        return type.cast(entry.bound().computeIfAbsent(type, t -> bind(id, entry.json(), t)));
    }

    private Object bind(String id, JsonNode secret, Class<?> type) {
        try {
            return json.treeToValue(secret, type);
        } catch (IOException e) {
            // Never quote the secret: Jackson's message can carry its text.
            throw new IllegalStateException("secret " + id + " does not have the fields of " + type.getSimpleName());
        }
    }

    /** One non-blank text field of the secret {@code id}; fails naming the field when it is missing. */
    public String field(String id, String field) {
        JsonNode value = json(id).get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalStateException("secret " + id + " has no " + field);
        }
        return value.asText();
    }

    /** Forgets every cached secret, e.g. after a credential was rejected, so the next read sees a rotation. */
    public void invalidate(String id) {
        cache.invalidate(id);
    }

    private Entry load(String id) {
        String text = client.getSecretValue(b -> b.secretId(id)).secretString();
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException("secret " + id + " is not a JSON object");
            }
            return new Entry(node, new ConcurrentHashMap<>());
        } catch (IOException e) {
            throw new IllegalStateException("secret " + id + " is not a JSON object");
        }
    }
}
