package dev.hearken.push.function;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.Events;
import java.util.Map;

/**
 * Operator requests to push-admin through the Lambda mock event server: the envelope of an
 * {@code events/push-admin/} sample with its route, path, method, {@code If-Match} and body replaced.
 */
final class AdminCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: status, headers, and the body parsed as JSON ({@code null} when empty). */
    record Answer(int status, JsonNode headers, JsonNode body) {
        String error() {
            return body == null ? null : body.path("error").asText(null);
        }

        String field() {
            return body == null ? null : body.path("field").asText(null);
        }
    }

    private AdminCalls() {}

    /** Replays one sample as it is. */
    static Answer sample(String scenario) {
        return send(Events.load("push-admin", scenario));
    }

    /** A signed request (the caller of the samples). */
    static Answer call(String method, String route, Map<String, String> path, String ifMatch, String body) {
        return send(event(method, route, path, ifMatch, body, true));
    }

    /** A request without the IAM block: what reaches the function when no authoriser ran. */
    static Answer unsigned(String method, String route, Map<String, String> path, String body) {
        return send(event(method, route, path, null, body, false));
    }

    private static String event(String method, String route, Map<String, String> path, String ifMatch, String body,
            boolean signed) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Events.load("push-admin", "17-campaign-list-ok"));
            String rawPath = route;
            for (Map.Entry<String, String> p : path.entrySet()) {
                rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
            }
            event.put("routeKey", method + " " + route);
            event.put("rawPath", rawPath);
            if (!path.isEmpty()) {
                event.set("pathParameters", JSON.valueToTree(path));
            }
            ObjectNode context = (ObjectNode) event.get("requestContext");
            context.put("routeKey", method + " " + route);
            ((ObjectNode) context.get("http")).put("method", method).put("path", rawPath);
            ObjectNode headers = (ObjectNode) event.get("headers");
            if (ifMatch != null) {
                headers.put("if-match", ifMatch);
            }
            if (!signed) {
                context.remove("authorizer");
                headers.remove("authorization");
            }
            if (body != null) {
                event.put("body", body);
                headers.put("content-type", "application/json");
            }
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(String event) {
        String response = given().contentType("application/json").body(event)
                .when().post().then().statusCode(200).extract().asString();
        try {
            JsonNode reply = JSON.readTree(response);
            String body = reply.path("body").asText("");
            return new Answer(reply.path("statusCode").asInt(), reply.path("headers"),
                    body.isEmpty() ? null : JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
