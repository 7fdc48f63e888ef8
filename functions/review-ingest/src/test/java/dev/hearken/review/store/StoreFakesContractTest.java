package dev.hearken.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.appstore.AppStoreConnectClient;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayClient;
import dev.hearken.integration.ServiceException;
import dev.hearken.review.poll.Page;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poller's store adapters over the shared clients against the fakes, and the fakes' contract for the calls
 * auto-reply makes: auth is checked, pages follow the fixtures, a review has at most one developer answer which a
 * second call replaces. Store keys come from the seeded secrets (the emulator's Secrets Manager).
 */
class StoreFakesContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AppStoreConnectFake appStore;
    private static GooglePlayFake play;
    private static SecretReader secrets;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        appStore = new AppStoreConnectFake();
        play = new GooglePlayFake();
        Seeds.loadSecrets(Emulator.shared().secrets());
        secrets = new SecretReader(Emulator.shared().secrets(), JSON, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        appStore.close();
        play.close();
    }

    @Test
    void the_app_store_client_signs_a_token_the_fake_accepts_and_pages_like_the_fixtures() {
        Page first = appStorePages().page(AppStoreConnectFake.APP_ID, null);

        assertThat(first.items()).hasSize(3);
        assertThat(first.items().get(0).id()).isEqualTo("00000047-81ef-5a01-8e55-7e7200000005");
        assertThat(first.next()).startsWith(appStore.baseUri().toString()).contains("cursor=");
        assertThat(appStorePages().page(AppStoreConnectFake.APP_ID, first.next()).next()).isNull();
    }

    @Test
    void a_nearly_spent_hourly_quota_asks_the_poller_to_pause_after_the_page() {
        appStore.remaining(40);
        try {
            Page page = appStorePages().page(AppStoreConnectFake.APP_ID, null);

            assertThat(page.items()).hasSize(3);
            assertThat(page.pauseAfter()).isEqualTo(Duration.ofMinutes(5));
        } finally {
            appStore.remaining(3599);
        }
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
        Page first = playPages(URI.create(play.tokenUrl())).page(GooglePlayFake.PACKAGE, null);
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
    void a_play_token_exchange_that_is_refused_fails_the_page_naming_the_status() {
        GooglePlayReviewPages pages = playPages(URI.create(play.baseUri() + "/not-the-token-url"));

        assertThatThrownBy(() -> pages.page(GooglePlayFake.PACKAGE, null)).isInstanceOf(ServiceException.class)
                .hasMessage("google-oauth: answered 401 UNAUTHENTICATED");
    }

    private AppStoreReviewPages appStorePages() {
        return new AppStoreReviewPages(new AppStoreConnectClient(appStore.baseUri(), http, JSON, Duration.ofSeconds(10),
                secrets, "hearken/appstore", Duration.ofMinutes(5), Clock.systemUTC()), 3, Duration.ofMinutes(5), 100);
    }

    private GooglePlayReviewPages playPages(URI tokenUrl) {
        GoogleAccessTokens tokens = new GoogleAccessTokens(secrets, "hearken/googleplay", Optional.of(tokenUrl), http, JSON,
                Duration.ofSeconds(10), Duration.ofMinutes(1), Clock.systemUTC());
        return new GooglePlayReviewPages(new GooglePlayClient(play.baseUri(), http, JSON, Duration.ofSeconds(10), tokens,
                Duration.ofMinutes(5)), 3);
    }

    private String appStoreToken() {
        appStore.reset();
        appStorePages().page(AppStoreConnectFake.APP_ID, null);
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
