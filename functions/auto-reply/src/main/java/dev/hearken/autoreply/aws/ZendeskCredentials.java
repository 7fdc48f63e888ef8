package dev.hearken.autoreply.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Zendesk {@code Authorization} header, {@code Basic base64("{email}/token:{api_token}")}, from
 * the JSON secret {@code {"apiEmail", "apiToken"}}; read on first use and kept for the life of the
 * instance (a rotated token reaches new instances).
 */
public final class ZendeskCredentials implements Supplier<String> {

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final ObjectMapper json;
    private volatile String header;

    public ZendeskCredentials(SecretsManagerClient secrets, String secretId, ObjectMapper json) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.json = json;
    }

    @Override
    public String get() {
        String h = header;
        if (h == null) {
            try {
                JsonNode secret = json.readTree(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
                String pair = secret.path("apiEmail").asText() + "/token:" + secret.path("apiToken").asText();
                h = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
                header = h;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("secret " + secretId + " is not JSON", e);
            }
        }
        return h;
    }
}
