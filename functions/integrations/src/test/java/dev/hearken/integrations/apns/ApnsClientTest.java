package dev.hearken.integrations.apns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.MutableClock;
import dev.hearken.integrations.TestSecrets;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.apns.ApnsFake;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The APNs client against the HTTP/2 fake (apns.md §2–5): headers, payload, answers, provider-token refresh. */
class ApnsClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0";
    private static final String DEAD = "dead13adff785122b4ad28809a3420982341241421348097878e577c991de8f0";
    private ApnsFake fake;

    @BeforeEach
    void start() {
        fake = new ApnsFake();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void a_push_goes_over_http2_with_the_provider_token_topic_and_headers() throws Exception {
        ApnsClient.Result result = client(new MutableClock(Instant.now())).send(push(DEVICE));

        assertThat(result.sent()).isTrue();
        assertThat(result.apnsId()).isNotEmpty();
        RecordedRequest sent = fake.delivered().get(0);
        assertThat(sent.protocol()).isEqualTo(RecordedRequest.HTTP_2);
        assertThat(sent.header("apns-topic")).isEqualTo(TestSecrets.reader().field("hearken/apns", "topic"));
        assertThat(sent.header("apns-push-type")).isEqualTo("alert");
        assertThat(sent.header("apns-priority")).isEqualTo("10");
        assertThat(sent.header("apns-collapse-id")).isEqualTo("ticket_35436");
        assertThat(sent.header("authorization")).startsWith("bearer ");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"aps":{"alert":{"body":"Tap to read our reply."},"sound":"default","thread-id":"support"},"ticket_id":"35436"}"""));
    }

    @Test
    void an_unregistered_device_and_too_many_requests_come_back_as_status_and_reason() {
        ApnsClient client = client(new MutableClock(Instant.now()));

        ApnsClient.Result dead = client.send(push(DEAD));
        fake.inject(ApnsFake.tooManyRequests(1));
        ApnsClient.Result throttled = client.send(push(DEVICE));

        assertThat(dead.status()).isEqualTo(410);
        assertThat(dead.reason()).isEqualTo("Unregistered");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.reason()).isEqualTo("TooManyRequests");
        assertThat(throttled.retryAfter()).isEmpty();
    }

    @Test
    void an_expired_provider_token_is_replaced_once_it_is_20_minutes_old_and_the_push_retried() {
        MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofMinutes(61)));
        ApnsClient client = client(clock);

        ApnsClient.Result refused = client.send(push(DEVICE));
        clock.advance(Duration.ofMinutes(30));
        ApnsClient.Result retried = client.send(push(DEVICE));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("ExpiredProviderToken");
        assertThat(retried.sent()).isTrue();
        assertThat(fake.recorded()).hasSize(3);
    }

    private ApnsClient client(MutableClock clock) {
        ApnsProviderTokens tokens = new ApnsProviderTokens(TestSecrets.reader(), "hearken/apns", Duration.ofMinutes(50), clock);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(TrustedCertificates.sslContext(fake.trustCertificates())).build();
        return new ApnsClient(fake.baseUri().toString(), tokens, http, JSON, Duration.ofSeconds(5));
    }

    private static ApnsClient.Push push(String device) {
        ApnsPayload aps = new ApnsPayload(new ApnsPayload.Alert(null, "Tap to read our reply."), "default", "support");
        return new ApnsClient.Push(device, "alert", 10, Instant.now().plus(Duration.ofDays(1)).getEpochSecond(),
                "ticket_35436", aps.withCustomKeys(Map.of("ticket_id", "35436")));
    }
}
