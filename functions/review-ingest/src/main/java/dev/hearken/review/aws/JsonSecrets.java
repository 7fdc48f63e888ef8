package dev.hearken.review.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.config.ReviewSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * JSON-object secrets from Secrets Manager, cached for {@link ReviewSettings#cacheTtl()} so a warm function does
 * not call Secrets Manager per invocation, yet picks up a rotation within minutes.
 */
@ApplicationScoped
public class JsonSecrets {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private record Cached(Map<String, Object> value, Instant until) {
    }

    private final SecretsManagerClient client;
    private final ObjectMapper json;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    JsonSecrets(SecretsManagerClient client, ObjectMapper json, ReviewSettings settings) {
        this.client = client;
        this.json = json;
        this.ttl = settings.cacheTtl();
    }

    /** The secret {@code id} as a JSON object. */
    public Map<String, Object> get(String id) {
        Cached c = cache.get(id);
        if (c != null && clock.instant().isBefore(c.until())) {
            return c.value();
        }
        String text = client.getSecretValue(b -> b.secretId(id)).secretString();
        try {
            Map<String, Object> value = json.readValue(text, OBJECT);
            cache.put(id, new Cached(value, clock.instant().plus(ttl)));
            return value;
        } catch (JsonProcessingException e) {
            // Never quote the secret in the message.
            throw new IllegalStateException("secret " + id + " is not a JSON object");
        }
    }

    /** One string field of the secret {@code id}; fails naming the field when it is missing. */
    public String field(String id, String field) {
        Object v = get(id).get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException("secret " + id + " has no " + field);
        }
        return v.toString();
    }
}
