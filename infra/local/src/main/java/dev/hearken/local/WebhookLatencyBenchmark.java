package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhook → decision latency through the local runtime ({@code make bench-webhook}): signs the
 * trigger-style Zendesk sample with the test-only secret and a fresh timestamp (a unique
 * {@code updated_at} each time, so every delivery is new), posts it to the HTTP API, and measures
 * until ticket-classify's decision log holds the delivery with its Zendesk update applied
 * (webhook function → SQS → poller → worker → Zendesk fake → DynamoDB). Prints p50/p95.
 */
public final class WebhookLatencyBenchmark {

    private WebhookLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path root = RepositoryRoot.get();
        try (LocalSystem system = LocalSystem.start(root, new Report(new PrintStream(OutputStream.nullOutputStream())))) {
            HttpGateway gateway = system.gateway(0);
            JsonNode sample = new ObjectMapper().readTree(
                    root.resolve("events/ticket-classify/webhook-trigger-subscription-cancel.json").toFile());
            String template = sample.path("body").asText();
            HttpClient http = HttpClient.newHttpClient();
            String secret = ZendeskWebhooks.testSecret();
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String updatedAt = String.format("2026-04-%02dT%02d:%02dZ", 1 + i / 60, 10, i % 60);
                String body = template.replace("2026-03-02T09:14Z", updatedAt);
                String timestamp = ZendeskWebhooks.timestamp(Instant.now());
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/webhooks/zendesk"))
                        .header("content-type", "application/json")
                        .header(ZendeskWebhooks.SIGNATURE, ZendeskWebhooks.sign(secret, timestamp,
                                body.getBytes(StandardCharsets.UTF_8)))
                        .header(ZendeskWebhooks.TIMESTAMP, timestamp)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
                }
                while (!processed(system, updatedAt)) {
                    if (System.nanoTime() - t0 > 60_000_000_000L) {
                        throw new IllegalStateException("delivery " + i + " not processed within 60 s");
                    }
                    Thread.sleep(5);
                }
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
            Collections.sort(latencies);
            System.out.printf("webhook → decision stored and ticket updated, %d deliveries: p50 %d ms, p95 %d ms, max %d ms%n",
                    n, latencies.get(n / 2), latencies.get((int) Math.ceil(n * 0.95) - 1), latencies.get(n - 1));
        }
        System.exit(0);
    }

    private static boolean processed(LocalSystem system, String updatedAt) {
        var items = system.emulator().dynamo().query(b -> b.tableName("hearken-ticket-decisions").consistentRead(true)
                .keyConditionExpression("ticketId = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("35501")))).items();
        for (var item : items) {
            AttributeValue key = item.get("eventKey");
            AttributeValue stage = item.get("stage");
            if (key != null && key.s().contains(updatedAt) && stage != null
                    && !stage.s().equals("NONE") && !stage.s().equals("DECIDED")) {
                return true;
            }
        }
        return false;
    }
}
