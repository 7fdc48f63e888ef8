package dev.hearken.testing.fakes.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.fakes.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The APNs fake over the wire: HTTP/2 over TLS like Apple's servers, errors as {@code shared/contracts/apns.md}. */
class ApnsFakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0";
    private static final ApnsFake APNS = new ApnsFake();
    private static final HttpClient HTTP2 = client(HttpClient.Version.HTTP_2);

    @BeforeEach
    void forget() {
        APNS.reset();
        APNS.latency(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        APNS.close();
    }

    @Test
    void a_notification_is_delivered_over_http2_and_recorded_with_its_protocol_and_apns_headers() throws Exception {
        // given a provider token and every header push-send sets
        HttpRequest request = notification(TOKEN, jwt(Instant.now()))
                .header("apns-id", "eabeae54-14a8-11e5-b60b-1697f925ec7b")
                .header("apns-expiration", "1736426400")
                .header("apns-collapse-id", "ticket_35436")
                .build();

        // when
        HttpResponse<String> response = HTTP2.send(request, HttpResponse.BodyHandlers.ofString());

        // then HTTP/2 end to end, 200 with the echoed apns-id and an apns-unique-id, empty body
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("apns-id")).hasValue("eabeae54-14a8-11e5-b60b-1697f925ec7b");
        assertThat(response.headers().firstValue("apns-unique-id")).isPresent();
        RecordedRequest recorded = APNS.delivered().get(0);
        assertThat(recorded.protocol()).isEqualTo("HTTP/2");
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/3/device/" + TOKEN);
        assertThat(recorded.header("authorization")).startsWith("bearer ey");
        assertThat(recorded.header("apns-topic")).isEqualTo("com.example.lumen");
        assertThat(recorded.header("apns-push-type")).isEqualTo("alert");
        assertThat(recorded.header("apns-priority")).isEqualTo("10");
        assertThat(recorded.header("apns-expiration")).isEqualTo("1736426400");
        assertThat(recorded.header("apns-collapse-id")).isEqualTo("ticket_35436");
        assertThat(recorded.body()).contains("\"aps\"");
    }

    @Test
    void an_http11_request_is_refused_with_505_and_recorded_as_http11() throws Exception {
        // when a client that does not negotiate h2 sends a valid notification
        HttpResponse<String> response = client(HttpClient.Version.HTTP_1_1)
                .send(notification(TOKEN, jwt(Instant.now())).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.statusCode()).isEqualTo(505);
        assertThat(reason(response)).isEqualTo("HttpVersionNotSupported");
        assertThat(APNS.delivered()).isEmpty();
        assertThat(APNS.recorded()).singleElement()
                .satisfies(r -> assertThat(r.protocol()).isEqualTo("HTTP/1.1"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(505));
    }

    @Test
    void a_client_that_does_not_trust_the_fakes_certificate_cannot_connect() {
        HttpClient systemTrust = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        assertThatThrownBy(() -> systemTrust.send(notification(TOKEN, jwt(Instant.now())).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void a_dead_token_answers_410_unregistered_with_a_timestamp_in_milliseconds() throws Exception {
        HttpResponse<String> response = HTTP2.send(notification("dead" + TOKEN.substring(4), jwt(Instant.now())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(410);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("reason").asText()).isEqualTo("Unregistered");
        assertThat(body.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(body.path("timestamp").asLong()).isLessThan(Instant.now().toEpochMilli())
                .isGreaterThan(Instant.now().minus(Duration.ofDays(30)).toEpochMilli());
        assertThat(response.headers().firstValue("apns-id")).isPresent();
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void a_bad_or_malformed_token_answers_400_bad_device_token() throws Exception {
        assertThat(reasonFor(notification("bad0" + TOKEN.substring(4), jwt(Instant.now())).build(), 400)).isEqualTo("BadDeviceToken");
        assertThat(reasonFor(notification("not-hex", jwt(Instant.now())).build(), 400)).isEqualTo("BadDeviceToken");
    }

    @Test
    void provider_token_problems_answer_403_with_apples_reasons() throws Exception {
        HttpRequest missing = HttpRequest.newBuilder(APNS.baseUri().resolve("/3/device/" + TOKEN))
                .header("apns-topic", "com.example.lumen")
                .POST(HttpRequest.BodyPublishers.ofString("{\"aps\":{}}")).build();
        assertThat(reasonFor(missing, 403)).isEqualTo("MissingProviderToken");
        assertThat(reasonFor(notification(TOKEN, "bearer not.a-jwt").build(), 403)).isEqualTo("InvalidProviderToken");
        assertThat(reasonFor(notification(TOKEN, jwt(Instant.now().minus(Duration.ofMinutes(61)))).build(), 403))
                .isEqualTo("ExpiredProviderToken");
    }

    @Test
    void request_header_and_payload_checks_follow_the_contract() throws Exception {
        String jwt = jwt(Instant.now());
        assertThat(reasonFor(notification(TOKEN, jwt).setHeader("apns-priority", "7").build(), 400)).isEqualTo("BadPriority");
        assertThat(reasonFor(notification(TOKEN, jwt).header("apns-collapse-id", "x".repeat(65)).build(), 400))
                .isEqualTo("BadCollapseId");
        assertThat(reasonFor(HttpRequest.newBuilder(APNS.baseUri().resolve("/3/device/" + TOKEN))
                .header("authorization", jwt).header("apns-topic", "t")
                .POST(HttpRequest.BodyPublishers.ofString("{\"aps\":{\"alert\":\"" + "x".repeat(4100) + "\"}}")).build(), 413))
                .isEqualTo("PayloadTooLarge");
        assertThat(reasonFor(HttpRequest.newBuilder(APNS.baseUri().resolve("/3/device/" + TOKEN))
                .header("authorization", jwt).GET().build(), 405)).isEqualTo("MethodNotAllowed");
    }

    @Test
    void injected_faults_and_latency_apply_over_http2() throws Exception {
        // given one 429 and 150 ms of latency
        APNS.inject(ApnsFake.tooManyRequests(1));
        APNS.latency(Duration.ofMillis(150));

        // when
        assertThat(reasonFor(notification(TOKEN, jwt(Instant.now())).build(), 429)).isEqualTo("TooManyRequests");
        long started = System.nanoTime();
        HttpResponse<String> second = HTTP2.send(notification(TOKEN, jwt(Instant.now())).build(),
                HttpResponse.BodyHandlers.ofString());

        // then the fault answered once, the next request was delivered after the latency
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(APNS.recorded()).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(APNS.recorded()).extracting(RecordedRequest::protocol).containsOnly("HTTP/2");
    }

    @Test
    void the_function_environment_points_at_the_https_url_and_a_pem_certificate() throws Exception {
        assertThat(APNS.functionEnvironment())
                .containsEntry("HEARKEN_PUSH_APNS_BASE_URL", APNS.baseUri().toString())
                .containsEntry("HEARKEN_PUSH_APNS_TRUST_CERTIFICATES", APNS.trustCertificates().toString());
        assertThat(APNS.baseUri().getScheme()).isEqualTo("https");
        assertThat(Files.readString(Path.of(APNS.functionEnvironment().get("HEARKEN_PUSH_APNS_TRUST_CERTIFICATES"))))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).sslContext(APNS.clientSslContext()).build();
    }

    private static HttpRequest.Builder notification(String token, String authorization) {
        return HttpRequest.newBuilder(APNS.baseUri().resolve("/3/device/" + token))
                .header("authorization", authorization)
                .header("apns-push-type", "alert")
                .header("apns-topic", "com.example.lumen")
                .header("apns-priority", "10")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"aps\":{\"alert\":{\"body\":\"Your ticket was answered\"}}}"));
    }

    private static String reasonFor(HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = HTTP2.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("apns-id")).isPresent();
        return reason(response);
    }

    private static String reason(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("reason").asText();
    }

    /** An ES256-shaped provider token (the fake does not verify signatures). */
    private static String jwt(Instant issuedAt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"ABC123DEFG\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"DEF123GHIJ\",\"iat\":" + issuedAt.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return "bearer " + header + "." + claims + ".c2lnbmF0dXJl";
    }
}
