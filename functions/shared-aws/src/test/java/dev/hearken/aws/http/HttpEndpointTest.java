package dev.hearken.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {

    record Greeting(String name) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpEndpoint http = new HttpEndpoint(new JsonBodies(json), json);

    @Test
    void a_handled_request_answers_the_reply_as_json() throws Exception {
        APIGatewayV2HTTPResponse response = http.handle("greet", post("{\"name\":\"Ada\"}"),
                request -> HttpEndpoint.Reply.ok(Map.of("hello", request.body(Greeting.class).name())));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(body(response).get("hello").asText()).isEqualTo("Ada");
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_the_handler_is_not_called() throws Exception {
        AtomicReference<Boolean> called = new AtomicReference<>(false);
        APIGatewayV2HTTPResponse response = http.handle("greet", post("x".repeat(HttpEndpoint.MAX_BODY_BYTES + 1)),
                request -> {
                    called.set(true);
                    return HttpEndpoint.Reply.ok(Map.of());
                });

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(body(response).get("error").asText()).isEqualTo("payload_too_large");
        assertThat(called.get()).isFalse();
    }

    @Test
    void a_body_over_the_limit_in_multibyte_characters_is_a_413() {
        String body = "é".repeat(HttpEndpoint.MAX_BODY_BYTES / 2 + 1);

        assertThat(http.handle("greet", post(body), request -> HttpEndpoint.Reply.ok(Map.of())).getStatusCode())
                .isEqualTo(413);
    }

    @Test
    void a_base64_body_is_decoded() throws Exception {
        APIGatewayV2HTTPEvent event = post(Base64.getEncoder().encodeToString(
                "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = http.handle("greet", event,
                request -> HttpEndpoint.Reply.ok(request.body(Greeting.class)));

        assertThat(body(response).get("name").asText()).isEqualTo("Zoë");
    }

    @Test
    void a_base64_body_that_is_not_base64_or_not_utf8_is_a_400() throws Exception {
        APIGatewayV2HTTPEvent notBase64 = post("%%%");
        notBase64.setIsBase64Encoded(true);
        APIGatewayV2HTTPEvent notUtf8 = post(Base64.getEncoder().encodeToString(new byte[] {'"', (byte) 0xC3, 0x28, '"'}));
        notUtf8.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse first = http.handle("greet", notBase64, request -> HttpEndpoint.Reply.ok(request.rawBody()));
        APIGatewayV2HTTPResponse second = http.handle("greet", notUtf8, request -> HttpEndpoint.Reply.ok(request.rawBody()));

        assertThat(first.getStatusCode()).isEqualTo(400);
        assertThat(second.getStatusCode()).isEqualTo(400);
        assertThat(body(second).get("message").asText()).contains("UTF-8");
    }

    @Test
    void a_body_that_does_not_fit_the_record_is_a_400_json_naming_the_field() throws Exception {
        APIGatewayV2HTTPResponse response = http.handle("greet", post("{\"name\":12345}"),
                request -> HttpEndpoint.Reply.ok(request.body(Greeting.class)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").asText()).isEqualTo("invalid_request");
        assertThat(body(response).get("field").asText()).isEqualTo("name");
    }

    @Test
    void an_empty_body_is_a_400() {
        assertThat(http.handle("greet", post(null), request -> HttpEndpoint.Reply.ok(request.body(Greeting.class)))
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void domain_errors_become_their_4xx() throws Exception {
        APIGatewayV2HTTPResponse missing = http.handle("get", get(), request -> {
            throw new NotFoundException("zendesk", "ticket 7");
        });
        APIGatewayV2HTTPResponse conflict = http.handle("put", get(), request -> {
            throw new ConflictException("zendesk", "ticket 7");
        });
        APIGatewayV2HTTPResponse bad = http.handle("put", get(), request -> {
            throw new BadRequestException("variant", "unknown variant");
        });

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(body(missing).get("error").asText()).isEqualTo("not_found");
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(body(bad).get("field").asText()).isEqualTo("variant");
    }

    @Test
    void an_upstream_rate_limit_is_a_503_with_retry_after() throws Exception {
        APIGatewayV2HTTPResponse response = http.handle("put", get(), request -> {
            throw new RateLimitedException("zendesk", Duration.ofSeconds(42));
        });

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "42")
                .containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(body(response).get("error").asText()).isEqualTo("unavailable");
    }

    @Test
    void an_unexpected_failure_is_a_500_that_quotes_no_input() throws Exception {
        APIGatewayV2HTTPResponse response = http.handle("greet", post("{\"name\":\"secret-user-text\"}"), request -> {
            throw new IllegalStateException("boom with " + request.rawBody());
        });

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(body(response).get("error").asText()).isEqualTo("internal_error");
        assertThat(response.getBody()).doesNotContain("secret-user-text").doesNotContain("boom");
    }

    @Test
    void an_unexpected_failure_of_a_webhook_is_a_503_so_the_sender_redelivers() {
        APIGatewayV2HTTPResponse response = http.webhook("hook", post("{}"), request -> {
            throw new IllegalStateException("queue down");
        });

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).doesNotContain("queue down");
    }

    @Test
    void garbage_path_identifiers_are_a_400_not_a_200_with_empty_data() throws Exception {
        for (String garbage : new String[] {"../../etc/passwd", "a\u0000", "a\r\nb", "a".repeat(10_000)}) {
            APIGatewayV2HTTPEvent event = get();
            event.setPathParameters(Map.of("appId", garbage));

            APIGatewayV2HTTPResponse response = http.handle("impact", event,
                    request -> HttpEndpoint.Reply.ok(Map.of("appId", request.pathId("appId"))));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(body(response).get("field").asText()).isEqualTo("appId");
        }
    }

    @Test
    void query_values_are_parsed_and_a_bad_one_is_a_400_naming_it() throws Exception {
        APIGatewayV2HTTPEvent event = get();
        event.setQueryStringParameters(Map.of("since", "yesterday"));

        APIGatewayV2HTTPResponse response = http.handle("impact", event, request -> HttpEndpoint.Reply.ok(
                Map.of("since", request.query("since", java.time.LocalDate::parse, "a date YYYY-MM-DD").orElseThrow())));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("field").asText()).isEqualTo("since");
        assertThat(body(response).get("message").asText()).doesNotContain("yesterday");
    }

    @Test
    void a_path_parameter_that_its_parser_rejects_is_a_400_naming_it() throws Exception {
        APIGatewayV2HTTPEvent event = get();
        event.setPathParameters(Map.of("topic", "weather"));

        APIGatewayV2HTTPResponse response = http.handle("impact", event, request -> HttpEndpoint.Reply.ok(
                Map.of("topic", request.path("topic", t -> java.util.Optional.of(t).filter("error"::equals)
                        .orElseThrow(), "one of [error]"))));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("field").asText()).isEqualTo("topic");
        assertThat(body(response).get("message").asText()).isEqualTo("topic must be one of [error]");
    }

    @Test
    void headers_are_read_case_insensitively() {
        APIGatewayV2HTTPEvent event = get();
        event.setHeaders(Map.of("X-Zendesk-Webhook-Signature", "c2lnbmF0dXJl", "X-Other", "other"));

        APIGatewayV2HTTPResponse response = http.handle("hook", event,
                request -> HttpEndpoint.Reply.ok(Map.of("sig", request.header("x-zendesk-webhook-signature"))));

        assertThat(response.getBody()).isEqualTo("{\"sig\":\"c2lnbmF0dXJl\"}");
    }

    @Test
    void a_domain_exception_the_module_answers_gets_its_own_code_and_others_stay_a_500() throws Exception {
        HttpEndpoint.Errors errors = e -> e instanceof IllegalArgumentException
                ? java.util.Optional.of(HttpEndpoint.Reply.error(400, "invalid_event", "value is negative", "value"))
                : java.util.Optional.empty();

        APIGatewayV2HTTPResponse own = http.handle("count", get(), errors, request -> {
            throw new IllegalArgumentException("value is negative");
        });
        APIGatewayV2HTTPResponse other = http.handle("count", get(), errors, request -> {
            throw new IllegalStateException("table down");
        });

        assertThat(own.getStatusCode()).isEqualTo(400);
        assertThat(body(own).get("error").asText()).isEqualTo("invalid_event");
        assertThat(body(own).get("field").asText()).isEqualTo("value");
        assertThat(other.getStatusCode()).isEqualTo(500);
    }

    @Test
    void a_text_reply_is_sent_as_it_is_with_its_content_type_and_headers() {
        APIGatewayV2HTTPResponse response = http.handle("page", get(), request -> HttpEndpoint.Reply.text(200,
                "text/html; charset=utf-8", "<p>done</p>", Map.of("referrer-policy", "no-referrer")));

        assertThat(response.getBody()).isEqualTo("<p>done</p>");
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("referrer-policy", "no-referrer").containsEntry("cache-control", "no-store");
    }

    @Test
    void a_missing_required_query_parameter_is_a_400_naming_it() throws Exception {
        APIGatewayV2HTTPEvent event = get();
        event.setQueryStringParameters(Map.of("program", " "));

        APIGatewayV2HTTPResponse response = http.handle("unsubscribe", event,
                request -> HttpEndpoint.Reply.ok(Map.of("program", request.requiredQuery("program"))));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("field").asText()).isEqualTo("program");
    }

    @Test
    void the_method_comes_from_the_request_context_or_else_the_route_key() {
        APIGatewayV2HTTPEvent routed = get();
        routed.setRouteKey("post /mail/unsubscribe");
        APIGatewayV2HTTPEvent direct = get();
        direct.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("get").build()).build());

        assertThat(http.handle("m", routed, request -> HttpEndpoint.Reply.ok(request.method())).getBody())
                .isEqualTo("\"POST\"");
        assertThat(http.handle("m", direct, request -> HttpEndpoint.Reply.ok(request.method())).getBody())
                .isEqualTo("\"GET\"");
    }

    @Test
    void the_iam_caller_is_the_authorised_principal_or_null() {
        APIGatewayV2HTTPEvent signed = get();
        signed.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                .withUserArn("arn:aws:iam::123456789012:user/ops").build()).build()).build());

        assertThat(http.handle("r", signed, request -> HttpEndpoint.Reply.ok(request.iamCaller())).getBody())
                .contains("user/ops");
        assertThat(http.handle("r", get(), request -> HttpEndpoint.Reply.ok(
                java.util.Objects.requireNonNullElse(request.iamCaller(), "none"))).getBody()).isEqualTo("\"none\"");
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent get() {
        return new APIGatewayV2HTTPEvent();
    }

    private JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return json.readTree(response.getBody());
    }
}
