package dev.hearken.push.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.apns.ApnsClient;
import dev.hearken.integrations.apns.ApnsProviderTokens;
import dev.hearken.integrations.apns.TrustedCertificates;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.fcm.FcmClient;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.message.Priority;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.fakes.apns.ApnsFake;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FCM and APNs gateways over the shared clients and the fakes: a provider's answer becomes the domain's outcome
 * (fcm.md §4, apns.md §5), and no answer at all is a retry, never an exception.
 */
class ProviderGatewaysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);
    private static final Notification NOTIFICATION = new Notification(new Copy("", "Tap to read our reply."),
            Map.of("program", "support"), Priority.TRANSACTIONAL, "ticket_35436", "ticket answered");
    private static SecretReader secrets;

    @BeforeAll
    static void seed() {
        Seeds.loadSecrets(Emulator.shared().secrets());
        secrets = new SecretReader(Emulator.shared().secrets(), JSON, Duration.ZERO);
    }

    @Test
    void fcm_answers_become_sent_dead_token_and_retry_after_outcomes() {
        try (FcmFake fake = new FcmFake()) {
            FcmGateway gateway = fcm(fake.baseUri().toString(), fake.baseUri() + "/token");

            ProviderOutcome sent = gateway.send(android("device-1"), NOTIFICATION);
            ProviderOutcome dead = gateway.send(android("dead-device"), NOTIFICATION);
            fake.inject(FcmFake.quotaExceeded(1, 30));
            ProviderOutcome throttled = gateway.send(android("device-1"), NOTIFICATION);

            assertThat(sent).isInstanceOf(ProviderOutcome.Sent.class);
            assertThat(dead).isEqualTo(new ProviderOutcome.DeadToken("fcm:UNREGISTERED"));
            assertThat(throttled).isEqualTo(new ProviderOutcome.Retry("fcm:QUOTA_EXCEEDED", Duration.ofSeconds(30)));
        }
    }

    @Test
    void an_fcm_send_that_gets_no_answer_is_retried_after_the_default() {
        String closed;
        try (FcmFake fake = new FcmFake()) {
            closed = fake.baseUri().toString();
        }

        ProviderOutcome outcome = fcm(closed, closed + "/token").send(android("device-1"), NOTIFICATION);

        assertThat(outcome).isInstanceOfSatisfying(ProviderOutcome.Retry.class, r -> {
            assertThat(r.reason()).startsWith("fcm:transport:");
            assertThat(r.retryAfter()).isEqualTo(DEFAULT_RETRY);
        });
    }

    @Test
    void apns_answers_become_sent_dead_token_and_retry_outcomes() {
        try (ApnsFake fake = new ApnsFake()) {
            ApnsProviderTokens tokens = new ApnsProviderTokens(secrets, "hearken/apns", Duration.ofMinutes(50), Clock.systemUTC());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                    .sslContext(TrustedCertificates.sslContext(fake.trustCertificates())).build();
            ApnsGateway gateway = new ApnsGateway(new ApnsClient(fake.baseUri().toString(), tokens, http, JSON,
                    Duration.ofSeconds(5)), DEFAULT_RETRY, Clock.systemUTC());

            ProviderOutcome sent = gateway.send(ios("00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0"), NOTIFICATION);
            ProviderOutcome dead = gateway.send(ios("dead13adff785122b4ad28809a3420982341241421348097878e577c991de8f0"), NOTIFICATION);
            fake.inject(ApnsFake.tooManyRequests(1));
            ProviderOutcome throttled = gateway.send(ios("00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0"), NOTIFICATION);

            assertThat(sent).isInstanceOf(ProviderOutcome.Sent.class);
            assertThat(fake.delivered().get(0).header("apns-priority")).isEqualTo("10");
            assertThat(dead).isEqualTo(new ProviderOutcome.DeadToken("apns:410:Unregistered"));
            assertThat(throttled).isEqualTo(new ProviderOutcome.Retry("apns:429:TooManyRequests", DEFAULT_RETRY));
        }
    }

    private static FcmGateway fcm(String baseUrl, String tokenUri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GoogleAccessTokens tokens = new GoogleAccessTokens(secrets, "hearken/fcm", Optional.of(URI.create(tokenUri)), http, JSON,
                Duration.ofSeconds(5), Duration.ofMinutes(5), Clock.systemUTC());
        return new FcmGateway(new FcmClient(baseUrl, http, JSON, Duration.ofSeconds(5), tokens), DEFAULT_RETRY);
    }

    private static Device android(String token) {
        return new Device("user-1", token, Platform.ANDROID);
    }

    private static Device ios(String token) {
        return new Device("user-1", token, Platform.IOS);
    }
}
