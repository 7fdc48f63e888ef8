package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;

/** The human-readable report of a local run. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final long started = System.nanoTime();

    Report(PrintStream out) {
        this.out = out;
    }

    void step(String text) {
        out.printf("[%6.1fs] ▶ %s%n", (System.nanoTime() - started) / 1e9, text);
    }

    void detail(String text) {
        out.println("           " + text);
    }

    void line(String text) {
        out.println(text);
    }

    /**
     * Prints one replayed sample. Returns whether the outcome is the expected kind: a sample whose
     * name says it is bad (malformed, missing, unknown, bad-…) must be answered with a 4xx, any other
     * with a 2xx; a function error is always unexpected.
     */
    boolean outcome(String scenario, JsonNode event, RuntimeApiServer.Outcome outcome) {
        String route = event.path("routeKey").asText(event.path("detail-type").asText("event"));
        if (outcome.error()) {
            out.printf("  %-28s %-40s FUNCTION ERROR %s%n", scenario, route, outcome.body());
            return false;
        }
        JsonNode response = parse(outcome.body());
        int status = response.path("statusCode").asInt(0);
        JsonNode body = parse(response.path("body").asText("{}"));
        out.printf("  %-28s %-40s → %d %s%n", scenario, route, status, summary(body));
        boolean expectBad = scenario.matches(".*(malformed|missing|unknown|bad|invalid).*");
        return expectBad ? status >= 400 && status < 500 : status >= 200 && status < 300;
    }

    private static String summary(JsonNode body) {
        if (body.has("error")) {
            return body.path("error").asText() + ": " + body.path("message").asText()
                    + (body.has("field") ? " [field " + body.path("field").asText() + "]" : "");
        }
        if (body.has("assignments")) {
            StringBuilder sb = new StringBuilder("user " + body.path("userId").asText() + ":");
            for (JsonNode a : body.path("assignments")) {
                sb.append(System.lineSeparator()).append(String.format("%76s %s", "", assignment(a)));
            }
            return sb.toString();
        }
        if (body.has("experimentKey")) {
            return "user " + body.path("userId").asText() + ": " + assignment(body);
        }
        return body.toString();
    }

    private static String assignment(JsonNode a) {
        return String.format("%s = %s (variation %d, %s%s%s)",
                a.path("experimentKey").asText(),
                a.path("inExperiment").asBoolean() ? a.path("value").toString() : "not in experiment",
                a.path("variationId").asInt(),
                a.path("reason").asText(),
                a.path("hashUsed").asBoolean() ? ", hashed" : "",
                a.path("firstExposure").asBoolean() ? ", first exposure recorded" : "");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
