package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replays {@code events/<function>/*.json} through each sample's real entry point: an HTTP API
 * request goes over HTTP through the local gateway; any other envelope (SQS batch, scheduled
 * event) is delivered to the function as Lambda would deliver it.
 *
 * <p>The functions keep production's Zendesk signature window (five minutes), so a signed sample is
 * signed again just before it is posted ({@link #fresh}); its stored timestamp is months old.
 */
final class Replayer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the HTTP client sets itself (or must not be forwarded). */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** One replayed sample. {@code status} is the HTTP status, or 200/500 for direct invocations. */
    record Result(String function, String scenario, String entry, int status, JsonNode body,
            List<String> batchItemFailures, int records, String error) {

        /**
         * Whether the outcome is the kind the sample's name promises: names with
         * malformed/missing/unknown/bad/invalid must be refused with a 4xx (HTTP) or, for an SQS
         * batch named "one-bad", report exactly one failed record; everything else must succeed.
         */
        boolean expected() {
            if (error != null) {
                return false;
            }
            if (records > 0) {
                return scenario.contains("one-bad") ? batchItemFailures.size() == 1 : batchItemFailures.isEmpty();
            }
            boolean bad = scenario.matches(".*(malformed|missing|unknown|bad|invalid|stale|oversized).*");
            return bad ? status >= 400 && status < 500 : status >= 200 && status < 300;
        }
    }

    private final LocalSystem system;
    private final int gatewayPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Replayer(LocalSystem system, int gatewayPort) {
        this.system = system;
        this.gatewayPort = gatewayPort;
    }

    List<Result> replay(Path eventsDir, String function) throws IOException {
        Path dir = eventsDir.resolve(function);
        List<Result> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> samples;
        try (Stream<Path> files = Files.list(dir)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path sample : samples) {
            String scenario = sample.getFileName().toString().replace(".json", "");
            JsonNode event = fresh(scenario, (ObjectNode) JSON.readTree(sample.toFile()), Instant.now());
            try {
                out.add(event.has("routeKey") ? overHttp(function, scenario, event) : direct(function, scenario, event));
            } catch (Exception e) {
                out.add(new Result(function, scenario, "?", 0, null, List.of(), 0,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return out;
    }

    /**
     * A Zendesk-signed sample as Zendesk would send it now: signed again with the test-only secret when its stored
     * signature was made with that secret; only its timestamp renewed when it was not (a forged signature stays
     * forged, and is refused for that rather than for its age); as stored when its scenario is about a
     * {@code stale} signature. Other samples are returned as they are.
     */
    static ObjectNode fresh(String scenario, ObjectNode event, Instant now) {
        if (!ZendeskWebhooks.isSigned(event) || scenario.contains("stale")) {
            return event;
        }
        String secret = ZendeskWebhooks.testSecret();
        return ZendeskWebhooks.signedWith(event, secret)
                ? ZendeskWebhooks.resign(event, secret, now) : ZendeskWebhooks.retime(event, now);
    }

    private Result overHttp(String function, String scenario, JsonNode event) throws IOException, InterruptedException {
        String method = event.path("requestContext").path("http").path("method").asText("POST");
        String query = event.path("rawQueryString").asText("");
        URI uri = URI.create("http://127.0.0.1:" + gatewayPort + event.path("rawPath").asText("/")
                + (query.isEmpty() ? "" : "?" + query));
        String body = event.path("body").asText("");
        byte[] bytes = event.path("isBase64Encoded").asBoolean(false)
                ? java.util.Base64.getDecoder().decode(body) : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(HttpGateway.TIMEOUT)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Iterator<Map.Entry<String, JsonNode>> it = event.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!RESTRICTED.contains(h.getKey().toLowerCase())) {
                request.header(h.getKey(), h.getValue().asText());
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Result(function, scenario, method + " " + uri.getRawPath(), response.statusCode(),
                parse(response.body()), List.of(), 0, null);
    }

    private Result direct(String function, String scenario, JsonNode event) {
        RuntimeApiServer.Outcome outcome = system.invoke(function, event.toString());
        String entry = event.has("Records") ? "SQS batch (" + event.path("Records").size() + " records)"
                : event.path("detail-type").asText("direct invoke");
        if (outcome.error()) {
            return new Result(function, scenario, entry, 500, parse(outcome.body()), List.of(),
                    event.path("Records").size(), "function error: " + outcome.body());
        }
        JsonNode response = parse(outcome.body());
        List<String> failures = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failures.add(f.path("itemIdentifier").asText()));
        return new Result(function, scenario, entry, 200, response, failures, event.path("Records").size(), null);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
