package dev.hearken.integrations.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.MutableClock;
import dev.hearken.integrations.TestSecrets;
import dev.hearken.integration.ServiceException;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service-account exchange against the fake token endpoint (fcm.md §2, googleplay.md §1) and its cache. */
class GoogleAccessTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Starts an hour back so that the renewed token's assertion, an hour later, is stamped about now: the fake's
    // token endpoint refuses assertions issued in the future.
    private final MutableClock clock = new MutableClock(Instant.now().minusSeconds(FcmFake.TOKEN_LIFETIME - 59));
    private FcmFake fake;
    private GoogleAccessTokens tokens;

    @BeforeEach
    void start() {
        fake = new FcmFake();
        tokens = new GoogleAccessTokens(TestSecrets.reader(), "hearken/fcm", Optional.of(URI.create(fake.baseUri() + "/token")),
                HttpClient.newHttpClient(), JSON, Duration.ofSeconds(5), Duration.ofMinutes(1), clock);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void the_assertion_is_an_rs256_jwt_for_the_scope_and_the_token_endpoint() throws Exception {
        tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);

        RecordedRequest exchange = fake.recorded().get(0);
        String form = exchange.body();
        assertThat(form).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        String[] jwt = URLDecoder.decode(form.substring(form.indexOf("assertion=") + 10), StandardCharsets.UTF_8).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("scope").asText()).isEqualTo(GoogleAccessTokens.FIREBASE_MESSAGING);
        assertThat(claims.path("aud").asText()).isEqualTo(fake.baseUri() + "/token");
        assertThat(claims.path("iss").asText()).isEqualTo(TestSecrets.reader().field("hearken/fcm", "client_email"));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600L);
    }

    @Test
    void a_token_is_reused_until_a_minute_before_it_expires_then_exchanged_again() {
        String first = tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);
        clock.advance(Duration.ofSeconds(FcmFake.TOKEN_LIFETIME - 61));
        String reused = tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);
        assertThat(fake.tokensIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        String renewed = tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);

        assertThat(reused).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(fake.tokensIssued()).isEqualTo(2);
    }

    @Test
    void tokens_are_cached_per_scope_and_an_invalidated_one_is_exchanged_again() {
        tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);
        tokens.token("https://www.googleapis.com/auth/cloud-platform");
        tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);
        assertThat(fake.tokensIssued()).isEqualTo(2);

        tokens.invalidate(GoogleAccessTokens.FIREBASE_MESSAGING);
        tokens.token(GoogleAccessTokens.FIREBASE_MESSAGING);

        assertThat(fake.tokensIssued()).isEqualTo(3);
    }

    @Test
    void a_refused_exchange_names_the_status_and_googles_error() {
        // The fake accepts firebase.messaging or cloud-platform only: any other scope is invalid_grant.
        assertThatThrownBy(() -> tokens.token("https://www.googleapis.com/auth/nothing"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("400 invalid_grant");
    }

    @Test
    void the_project_is_the_service_accounts() {
        assertThat(tokens.projectId()).isEqualTo(TestSecrets.reader().field("hearken/fcm", "project_id"));
    }
}
