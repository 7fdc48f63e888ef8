package dev.hearken.integrations.googleplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.integrations.TestSecrets;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReviewsPage;
import dev.hearken.integration.ServiceException;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Google Play client against the fake (googleplay.md): token, paging, reads, replies, errors. */
class GooglePlayClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_RETRY = Duration.ofMinutes(5);
    private static final String REVIEW = "gp:AOqpTOHearkenDemo0002-edited";
    private GooglePlayFake fake;
    private GooglePlayClient client;

    @BeforeEach
    void start() {
        fake = new GooglePlayFake();
        HttpClient http = HttpClient.newHttpClient();
        GoogleAccessTokens tokens = new GoogleAccessTokens(TestSecrets.reader(), "hearken/googleplay",
                Optional.of(URI.create(fake.tokenUrl())), http, JSON, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Clock.systemUTC());
        client = new GooglePlayClient(fake.baseUri(), http, JSON, Duration.ofSeconds(10), tokens, DEFAULT_RETRY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void pages_follow_the_page_token_with_one_access_token_and_bind_each_review() {
        ReviewsPage first = client.reviews(GooglePlayFake.PACKAGE, 3, null);
        ReviewsPage second = client.reviews(GooglePlayFake.PACKAGE, 3, first.nextPageToken());

        assertThat(first.reviews()).hasSize(3);
        assertThat(first.nextPageToken()).isEqualTo("gp-page-2-token");
        assertThat(first.reviews().get(0).reviewId()).isNotBlank();
        assertThat(first.reviews().get(0).comments().get(0).userComment().lastModified().instant()).isNotNull();
        assertThat(first.reviews().get(0).comments().get(0).userComment().starRating()).isBetween(1, 5);
        assertThat(second.reviews()).isNotEmpty();
        assertThat(fake.tokensIssued()).isEqualTo(1);
    }

    @Test
    void a_reply_is_created_then_replaced_and_read_back_on_the_review() {
        client.reply(GooglePlayFake.PACKAGE, REVIEW, "Thanks Ana!");
        GooglePlayResources.ReplyResponse second = client.reply(GooglePlayFake.PACKAGE, REVIEW, "Thanks again, Ana!");

        assertThat(second.result().replyText()).isEqualTo("Thanks again, Ana!");
        assertThat(fake.replyText(GooglePlayFake.PACKAGE, REVIEW)).isEqualTo("Thanks again, Ana!");
        assertThat(client.review(GooglePlayFake.PACKAGE, REVIEW).comments()).filteredOn(c -> c.developerComment() != null)
                .singleElement().satisfies(c -> assertThat(c.developerComment().text()).isEqualTo("Thanks again, Ana!"));
        assertThat(fake.recorded().stream().filter(r -> r.path().endsWith(":reply")).findFirst().orElseThrow().body())
                .isEqualTo("{\"replyText\":\"Thanks Ana!\"}");
    }

    @Test
    void a_429_is_rate_limited_for_the_retry_after_or_else_the_default() {
        fake.inject(Fault.rateLimited("/reviews", 1, 7));
        assertThatThrownBy(() -> client.reviews(GooglePlayFake.PACKAGE, 3, null))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.service()).isEqualTo("google-play");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });

        fake.inject(Fault.status("/reviews", 1, 429, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}"));
        assertThatThrownBy(() -> client.reviews(GooglePlayFake.PACKAGE, 3, null))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(DEFAULT_RETRY));
    }

    @Test
    void an_unknown_package_or_review_is_not_found_and_a_409_is_a_conflict() {
        assertThatThrownBy(() -> client.reviews("com.example.unknown", 3, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.review(GooglePlayFake.PACKAGE, "gp:no-such-review")).isInstanceOf(NotFoundException.class);

        fake.inject(Fault.status(":reply", 1, 409, "{\"error\":{\"code\":409,\"status\":\"ABORTED\"}}"));
        assertThatThrownBy(() -> client.reply(GooglePlayFake.PACKAGE, REVIEW, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_refused_reply_names_the_status_and_googles_error_status() {
        assertThatThrownBy(() -> client.reply(GooglePlayFake.PACKAGE, REVIEW, "x".repeat(GooglePlayFake.MAX_REPLY + 1)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("google-play: answered 400 INVALID_ARGUMENT");
                });
    }

    @Test
    void a_401_drops_the_access_token_so_the_next_call_exchanges_a_new_one() {
        fake.inject(Fault.status("/reviews", 1, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}"));

        assertThatThrownBy(() -> client.reviews(GooglePlayFake.PACKAGE, 3, null))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(401));
        client.reviews(GooglePlayFake.PACKAGE, 3, null);

        assertThat(fake.tokensIssued()).isEqualTo(2);
    }
}
