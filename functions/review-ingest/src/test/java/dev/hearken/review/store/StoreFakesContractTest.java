package dev.hearken.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.poll.Page;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store clients against the fakes, and the fakes' contract for the calls auto-reply makes: auth is checked,
 * pages follow the fixtures, a review has at most one developer answer which a second call replaces.
 */
class StoreFakesContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AppStoreConnectFake appStore;
    private static GooglePlayFake play;
    private static JsonNode secrets;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        appStore = new AppStoreConnectFake();
        play = new GooglePlayFake();
        secrets = JSON.readTree(RepositoryRoot.get().resolve("infra/seed/secrets.local.json").toFile());
    }

    @AfterAll
    static void stop() {
        appStore.close();
        play.close();
    }

    @Test
    void the_app_store_client_signs_a_token_the_fake_accepts_and_pages_like_the_fixtures() {
        Page first = appStoreClient("HEARKEN001").page(AppStoreConnectFake.APP_ID, null);

        assertThat(first.items()).hasSize(3);
        assertThat(first.items().get(0).id()).isEqualTo("00000047-81ef-5a01-8e55-7e7200000005");
        assertThat(first.next()).startsWith(appStore.baseUri().toString()).contains("cursor=");
        assertThat(appStoreClient("HEARKEN001").page(AppStoreConnectFake.APP_ID, first.next()).next()).isNull();
    }

    @Test
    void a_nearly_spent_hourly_quota_asks_the_poller_to_pause_after_the_page() {
        appStore.remaining(40);
        try {
            Page page = appStoreClient("HEARKEN001").page(AppStoreConnectFake.APP_ID, null);

            assertThat(page.items()).hasSize(3);
            assertThat(page.pauseAfter()).isEqualTo(Duration.ofMinutes(5));
        } finally {
            appStore.remaining(3599);
        }
        assertThat(AppStoreConnectClient.remaining("user-hour-lim:3600;user-hour-rem:3121;")).isEqualTo(3121);
        assertThat(AppStoreConnectClient.remaining("garbage")).isNull();
    }

    @Test
    void the_app_store_fake_refuses_a_request_without_a_valid_token() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                appStore.baseUri().resolve("/v1/apps/1234567890/customerReviews")).header("Authorization", "Bearer x.y.z").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("errors").get(0).path("code").asText()).isEqualTo("NOT_AUTHORIZED");
    }

    @Test
    void an_app_store_response_is_created_then_replaced_never_duplicated() throws Exception {
        String token = appStoreToken();
        String review = "00000047-81ef-5a01-8e55-7e7200000002";

        HttpResponse<String> first = respond(token, review, "Sorry! Settings → Subscriptions → Cancel.");
        HttpResponse<String> second = respond(token, review, "Updated: Settings → Subscriptions → Cancel.");
        HttpResponse<String> unknown = respond(token, "no-such-review", "x");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(second.body()).path("data").path("id").asText())
                .isEqualTo(JSON.readTree(first.body()).path("data").path("id").asText());
        assertThat(JSON.readTree(second.body()).path("data").path("attributes").path("state").asText()).isEqualTo("PENDING_PUBLISH");
        assertThat(appStore.responseBody(review)).startsWith("Updated:");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void the_play_client_gets_a_token_and_pages_and_the_fake_replaces_a_reply_and_refuses_long_ones() throws Exception {
        GooglePlayClient client = new GooglePlayClient(play.baseUri(), URI.create(play.tokenUrl()), 3, Duration.ofMinutes(5),
                http, Duration.ofSeconds(10), () -> new GooglePlayClient.Credentials(
                        secrets.path("hearken/googleplay").path("client_email").asText(), "k1",
                        secrets.path("hearken/googleplay").path("private_key").asText()), JSON, Clock.systemUTC());
        Page first = client.page(GooglePlayFake.PACKAGE, null);
        assertThat(first.items()).hasSize(3);
        assertThat(first.next()).isEqualTo("gp-page-2-token");

        String bearer = play.recorded().stream().filter(r -> r.path().endsWith("/reviews")).findFirst().orElseThrow()
                .header("authorization");
        URI reply = play.baseUri().resolve("/androidpublisher/v3/applications/com.example.lumen/reviews/gp:AOqpTOHearkenDemo0002-edited:reply");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(reply).header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"replyText\":\"Thanks Ana!\"}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(reply).header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"replyText\":\"" + "x".repeat(351) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("result").path("replyText").asText()).isEqualTo("Thanks Ana!");
        assertThat(play.replyText(GooglePlayFake.PACKAGE, "gp:AOqpTOHearkenDemo0002-edited")).isEqualTo("Thanks Ana!");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void a_play_call_without_an_issued_token_is_401_and_the_client_names_the_status() {
        GooglePlayClient client = new GooglePlayClient(play.baseUri(), URI.create(play.baseUri() + "/not-the-token-url"), 3,
                Duration.ofMinutes(5), http, Duration.ofSeconds(10), () -> new GooglePlayClient.Credentials(
                        "x@example.com", null, secrets.path("hearken/googleplay").path("private_key").asText()),
                JSON, Clock.systemUTC());

        assertThatThrownBy(() -> client.page(GooglePlayFake.PACKAGE, null)).isInstanceOf(StoreApiException.class);
    }

    private AppStoreConnectClient appStoreClient(String keyId) {
        JsonNode as = secrets.path("hearken/appstore");
        return new AppStoreConnectClient(appStore.baseUri(), 3, Duration.ofMinutes(5), 100, http, Duration.ofSeconds(10),
                () -> new AppStoreConnectClient.Credentials(as.path("issuerId").asText(), keyId,
                        as.path("privateKey").asText()), JSON, Clock.systemUTC());
    }

    private String appStoreToken() {
        appStore.reset();
        appStoreClient("HEARKEN001").page(AppStoreConnectFake.APP_ID, null);
        return appStore.recorded().get(0).header("authorization");
    }

    private HttpResponse<String> respond(String bearer, String reviewId, String text) throws Exception {
        String body = "{\"data\":{\"type\":\"customerReviewResponses\",\"attributes\":{\"responseBody\":\"" + text
                + "\"},\"relationships\":{\"review\":{\"data\":{\"type\":\"customerReviews\",\"id\":\"" + reviewId + "\"}}}}}";
        return http.send(HttpRequest.newBuilder(appStore.baseUri().resolve("/v1/customerReviewResponses"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
