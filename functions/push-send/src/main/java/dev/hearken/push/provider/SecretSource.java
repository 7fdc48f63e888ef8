package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads JSON secrets from Secrets Manager; callers cache what they derive from them. */
public final class SecretSource {

    private final SecretsManagerClient secrets;
    private final ObjectMapper json;

    public SecretSource(SecretsManagerClient secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    public JsonNode json(String secretId) {
        String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("secret " + secretId + " is not JSON", e);
        }
    }
}
