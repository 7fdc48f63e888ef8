package dev.hearken.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.aws.Emulator;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretReaderTest {

    record Credentials(String email, String apiToken) {
    }

    private static SecretsManagerClient secrets;

    @BeforeAll
    static void emulator() {
        secrets = Emulator.shared().secrets();
    }

    private static String secret(String value) {
        String id = "hearken/test/" + UUID.randomUUID();
        secrets.createSecret(b -> b.name(id).secretString(value));
        return id;
    }

    @Test
    void reads_a_json_secret_as_fields_and_as_a_typed_record() {
        String id = secret("{\"email\":\"bot@example.com\",\"apiToken\":\"t0k\"}");
        SecretReader reader = new SecretReader(secrets, new ObjectMapper(), Duration.ofMinutes(5));

        assertThat(reader.field(id, "apiToken")).isEqualTo("t0k");
        assertThat(reader.read(id, Credentials.class)).isEqualTo(new Credentials("bot@example.com", "t0k"));
    }

    @Test
    void a_typed_read_is_bound_once_per_cached_secret_and_again_after_invalidate() {
        String id = secret("{\"email\":\"bot@example.com\",\"apiToken\":\"t0k\"}");
        SecretReader reader = new SecretReader(secrets, new ObjectMapper(), Duration.ofMinutes(5));
        Credentials first = reader.read(id, Credentials.class);

        assertThat(reader.read(id, Credentials.class)).isSameAs(first);

        secrets.putSecretValue(b -> b.secretId(id).secretString("{\"email\":\"bot@example.com\",\"apiToken\":\"new\"}"));
        reader.invalidate(id);
        assertThat(reader.read(id, Credentials.class).apiToken()).isEqualTo("new");
    }

    @Test
    void keeps_a_secret_within_its_ttl_and_sees_a_rotation_after_invalidate() {
        String id = secret("{\"apiToken\":\"old\"}");
        SecretReader reader = new SecretReader(secrets, new ObjectMapper(), Duration.ofMinutes(5));
        assertThat(reader.field(id, "apiToken")).isEqualTo("old");

        secrets.putSecretValue(b -> b.secretId(id).secretString("{\"apiToken\":\"new\"}"));
        assertThat(reader.field(id, "apiToken")).as("cached").isEqualTo("old");

        reader.invalidate(id);
        assertThat(reader.field(id, "apiToken")).isEqualTo("new");
    }

    @Test
    void errors_name_the_secret_and_field_but_never_the_value() {
        String notJson = secret("hunter2-not-json");
        String noField = secret("{\"other\":\"hunter2\"}");
        SecretReader reader = new SecretReader(secrets, new ObjectMapper(), Duration.ZERO);

        assertThatThrownBy(() -> reader.json(notJson))
                .hasMessageContaining(notJson).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> reader.field(noField, "apiToken"))
                .hasMessage("secret " + noField + " has no apiToken");
    }
}
