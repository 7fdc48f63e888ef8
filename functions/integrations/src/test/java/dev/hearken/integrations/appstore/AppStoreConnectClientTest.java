package dev.hearken.integrations.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.integrations.TestSecrets;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewDocument;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewsPage;
import dev.hearken.integrations.appstore.AppStoreResources.ResponseDocument;
import dev.hearken.integration.ServiceException;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The App Store Connect client against the fake (appstoreconnect.md): token, paging, reads, writes, errors. */
class AppStoreConnectClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_RETRY = Duration.ofMinutes(5);
    private static final String REVIEW = "00000047-81ef-5a01-8e55-7e7200000002";
    private static AppStoreConnectFake fake;
    private AppStoreConnectClient client;

    @BeforeAll
    static void start() {
        fake = new AppStoreConnectFake();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void client() {
        fake.reset();
        fake.reseed();
        client = new AppStoreConnectClient(fake.baseUri(), HttpClient.newHttpClient(), JSON, Duration.ofSeconds(10),
                TestSecrets.reader(), "hearken/appstore", DEFAULT_RETRY, Clock.systemUTC());
    }

    @Test
    void the_token_is_es256_with_the_key_id_the_audience_and_at_most_20_minutes_of_life() throws Exception {
        client.reviews(AppStoreConnectFake.APP_ID, 3, null);

        String[] jwt = fake.recorded().get(0).header("authorization").substring("Bearer ".length()).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo(TestSecrets.reader().field("hearken/appstore", "keyId"));
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(claims.path("aud").asText()).isEqualTo("appstoreconnect-v1");
        assertThat(claims.path("iss").asText()).isEqualTo(TestSecrets.reader().field("hearken/appstore", "issuerId"));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isBetween(1L, 1200L);
    }

    @Test
    void pages_follow_links_next_on_the_configured_host_and_bind_each_review() {
        CustomerReviewsPage first = client.reviews(AppStoreConnectFake.APP_ID, 3, null);
        CustomerReviewsPage second = client.reviews(AppStoreConnectFake.APP_ID, 3,
                first.next().replace(fake.baseUri().toString(), "https://elsewhere.example"));

        assertThat(first.reviews()).hasSize(3);
        assertThat(first.reviews().get(0).id()).isEqualTo("00000047-81ef-5a01-8e55-7e7200000005");
        assertThat(first.reviews().get(0).type()).isEqualTo("customerReviews");
        assertThat(first.reviews().get(0).attributes().createdDate()).isNotBlank();
        assertThat(first.remaining()).isEqualTo(3599);
        assertThat(second.next()).isNull();
        assertThat(fake.recorded()).hasSize(2);
        assertThat(fake.recorded().get(1).query()).contains("cursor=");
    }

    @Test
    void a_review_is_read_with_its_response_after_one_was_created_and_replaced() {
        ResponseDocument first = client.respond(REVIEW, "Sorry! Settings → Subscriptions → Cancel.");
        ResponseDocument second = client.respond(REVIEW, "Updated: Settings → Subscriptions → Cancel.");
        CustomerReviewDocument review = client.review(REVIEW);

        assertThat(second.data().id()).isEqualTo(first.data().id());
        assertThat(second.data().attributes().state()).isEqualTo("PENDING_PUBLISH");
        assertThat(fake.responseBody(REVIEW)).startsWith("Updated:");
        assertThat(review.data().relationships().response().data().id()).isEqualTo(first.data().id());
    }

    @Test
    void the_response_body_is_the_documented_create_request() throws Exception {
        client.respond(REVIEW, "Sorry about that!");

        assertThat(JSON.readTree(fake.recorded().get(0).body())).isEqualTo(JSON.readTree("""
                {"data":{"type":"customerReviewResponses","attributes":{"responseBody":"Sorry about that!"},
                 "relationships":{"review":{"data":{"type":"customerReviews","id":"%s"}}}}}""".formatted(REVIEW)));
    }

    @Test
    void a_429_is_rate_limited_for_the_retry_after_or_else_the_default() {
        fake.inject(Fault.rateLimited("customerReviews", 1, 30));
        assertThatThrownBy(() -> client.reviews(AppStoreConnectFake.APP_ID, 3, null))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.service()).isEqualTo("app-store");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });

        fake.inject(Fault.status("customerReviews", 1, 429, "{\"errors\":[{\"status\":\"429\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"title\":\"x\"}]}"));
        assertThatThrownBy(() -> client.reviews(AppStoreConnectFake.APP_ID, 3, null))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(DEFAULT_RETRY));
    }

    @Test
    void an_unknown_review_is_not_found_and_a_409_is_a_conflict() {
        assertThatThrownBy(() -> client.respond("no-such-review", "x")).isInstanceOf(NotFoundException.class)
                .hasMessage("app-store: response to customerReview no-such-review not found");
        assertThatThrownBy(() -> client.review("no-such-review")).isInstanceOf(NotFoundException.class);

        fake.inject(Fault.status("customerReviewResponses", 1, 409,
                "{\"errors\":[{\"status\":\"409\",\"code\":\"ENTITY_ERROR.RELATIONSHIP.INVALID\",\"title\":\"x\"}]}"));
        assertThatThrownBy(() -> client.respond(REVIEW, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void other_errors_name_the_status_and_apples_error_code() {
        fake.inject(Fault.status("customerReviews", 1, 500,
                "{\"errors\":[{\"status\":\"500\",\"code\":\"UNEXPECTED_ERROR\",\"title\":\"x\"}]}"));

        assertThatThrownBy(() -> client.reviews(AppStoreConnectFake.APP_ID, 3, null))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("app-store: answered 500 UNEXPECTED_ERROR");
                });
    }

    @Test
    void the_hourly_budget_is_read_from_x_rate_limit() {
        assertThat(AppStoreConnectClient.remaining("user-hour-lim:3600;user-hour-rem:3121;")).isEqualTo(3121);
        assertThat(AppStoreConnectClient.remaining("garbage")).isNull();
        assertThat(AppStoreConnectClient.remaining(null)).isNull();
    }
}
