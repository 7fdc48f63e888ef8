package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The local gateway's IAM authoriser block: which requests reach a function with an IAM caller. */
class HttpGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE = "GET /admin/routing-rules";

    @Test
    void a_request_signed_with_an_aws_access_key_reaches_the_function_with_its_iam_caller() throws Exception {
        JsonNode event = eventOf("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260302/us-east-1/execute-api/"
                + "aws4_request, SignedHeaders=host, Signature=00");

        assertThat(event.at("/requestContext/authorizer/iam/accessKey").asText()).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void a_sigv4_header_without_an_access_key_or_another_scheme_reaches_it_without_one() throws Exception {
        for (String authorization : new String[] {
                "AWS4-HMAC-SHA256 Credential=/20260302/us-east-1/execute-api/aws4_request, Signature=00",
                "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00",
                "Bearer local-operator"}) {
            JsonNode event = eventOf(authorization);

            assertThat(event.at("/requestContext/authorizer").isMissingNode()).as(authorization).isTrue();
        }
    }

    /** The event the function behind an IAM route gets for a request with {@code authorization}. */
    private static JsonNode eventOf(String authorization) throws Exception {
        AtomicReference<String> event = new AtomicReference<>();
        try (HttpGateway gateway = new HttpGateway(0, Map.of(ROUTE, "ticket-admin"), Set.of(ROUTE), (function, e) -> {
            event.set(e);
            return new RuntimeApiServer.Outcome(false, "{\"statusCode\":200,\"body\":\"{}\"}");
        })) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.port() + "/admin/routing-rules"))
                    .header("authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return JSON.readTree(event.get());
    }
}
