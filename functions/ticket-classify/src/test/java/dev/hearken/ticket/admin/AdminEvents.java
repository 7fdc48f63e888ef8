package dev.hearken.ticket.admin;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.Events;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operator requests as API Gateway delivers them: the {@code events/ticket-admin/} samples, or one of them turned
 * into another request (method, route, path parameters, query, body, {@code If-Match}), fed to the function through
 * Quarkus' Lambda mock event server.
 */
final class AdminEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The IAM caller of the samples. */
    static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/hearken-operators/ana.lima";

    private AdminEvents() {}

    /** What the function answered. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {

        String field() {
            return body.path("field").asText(null);
        }
    }

    /** A sample as stored. */
    static ObjectNode sample(String scenario) {
        return read(Events.load("ticket-admin", scenario));
    }

    /**
     * A signed request for {@code method route}, e.g. {@code PUT /admin/routing-rules/{ruleId}} with
     * {@code {ruleId: "x"}}; {@code body} and {@code ifMatch} may be {@code null}.
     */
    static ObjectNode request(String method, String route, Map<String, String> params, Map<String, String> query,
            String body, String ifMatch) {
        ObjectNode event = sample("routing-rules-list");
        String path = route;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        event.put("routeKey", method + " " + route);
        event.put("rawPath", path);
        event.put("rawQueryString", query.entrySet().stream()
                .map(q -> q.getKey() + "=" + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        ObjectNode context = (ObjectNode) event.path("requestContext");
        context.put("routeKey", method + " " + route);
        ((ObjectNode) context.path("http")).put("method", method).put("path", path);
        if (!params.isEmpty()) {
            event.set("pathParameters", JSON.valueToTree(params));
        }
        if (!query.isEmpty()) {
            event.set("queryStringParameters", JSON.valueToTree(query));
        }
        ObjectNode headers = (ObjectNode) event.path("headers");
        if (body != null) {
            event.put("body", body);
            headers.put("content-type", "application/json; charset=utf-8");
            headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        return event;
    }

    /** The request as if no IAM authoriser had vouched for a caller. */
    static ObjectNode unsigned(ObjectNode event) {
        ((ObjectNode) event.path("requestContext")).remove("authorizer");
        ((ObjectNode) event.path("headers")).remove("authorization");
        return event;
    }

    /** Sends the event to the function and reads its API Gateway response. */
    static Answer call(ObjectNode event) {
        String response = given().contentType("application/json").body(event.toString())
                .when().post()
                .then().statusCode(200)
                .extract().asString();
        JsonNode envelope = read(response);
        String body = envelope.path("body").asText("");
        Map<String, String> headers = JSON.convertValue(envelope.path("headers"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        return new Answer(envelope.path("statusCode").asInt(), headers,
                body.isEmpty() ? JSON.nullNode() : read(body));
    }

    static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
