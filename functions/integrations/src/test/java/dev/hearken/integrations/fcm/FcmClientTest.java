package dev.hearken.integrations.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integrations.TestSecrets;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FCM client against the fake (fcm.md §3–4): the message as sent, FCM's answers as results. */
class FcmClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FcmFake fake;
    private FcmClient client;

    @BeforeEach
    void start() {
        fake = new FcmFake();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GoogleAccessTokens tokens = new GoogleAccessTokens(TestSecrets.reader(), "hearken/fcm",
                Optional.of(URI.create(fake.baseUri() + "/token")), http, JSON, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Clock.systemUTC());
        client = new FcmClient(fake.baseUri().toString(), http, JSON, Duration.ofSeconds(5), tokens);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void a_message_is_sent_to_the_service_accounts_project_in_snake_case() throws Exception {
        FcmClient.Result result = client.send(message("device-1"));

        assertThat(result.sent()).isTrue();
        assertThat(result.name()).startsWith("projects/" + TestSecrets.reader().field("hearken/fcm", "project_id") + "/messages/");
        assertThat(JSON.readTree(fake.delivered().get(0).body())).isEqualTo(JSON.readTree("""
                {"message":{"token":"device-1","notification":{"body":"Tap to read our reply."},
                 "data":{"ticket_id":"35436"},"android":{"priority":"HIGH","collapse_key":"ticket_35436","ttl":"3600s"},
                 "fcm_options":{"analytics_label":"ticket_answered"}}}"""));
    }

    @Test
    void an_unregistered_token_comes_back_with_fcms_error_code_and_status() {
        FcmClient.Result result = client.send(message("dead-device"));

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.errorCode()).isEqualTo("UNREGISTERED");
        assertThat(result.rpcStatus()).isEqualTo("NOT_FOUND");
        assertThat(result.retryAfter()).isEmpty();
    }

    @Test
    void a_quota_error_carries_its_retry_after() {
        fake.inject(FcmFake.quotaExceeded(1, 30));

        FcmClient.Result result = client.send(message("device-1"));

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.errorCode()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_refused_access_token_is_replaced_and_the_send_retried_once() {
        client.send(message("device-1"));
        fake.revokeTokens();

        FcmClient.Result result = client.send(message("device-2"));

        assertThat(result.sent()).isTrue();
        assertThat(fake.tokensIssued()).isEqualTo(2);
        assertThat(fake.delivered()).hasSize(2);
    }

    private static FcmMessage message(String token) {
        return new FcmMessage(token, new FcmMessage.Notification(null, "Tap to read our reply."), Map.of("ticket_id", "35436"),
                new FcmMessage.Android("HIGH", "ticket_35436", "3600s"), new FcmMessage.Options("ticket_answered"));
    }
}
