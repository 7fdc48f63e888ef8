package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.Events;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * End to end: the packaged function artifacts run under AWS's runtime interface client behind the
 * local Lambda Runtime API, the HTTP API served from the template, DynamoDB in the emulator — what
 * {@code make run} does, asserted.
 */
@ExtendWith(SharedLocalSystem.class)
class LocalPipelineIT {

    private static LocalSystem system;
    private static HttpGateway gateway;
    private static String report;

    @BeforeAll
    static void start(SharedLocalSystem.Started started) throws Exception {
        system = started.system();
        report = started.report();
        gateway = system.gateway(0);
    }

    @Test
    void every_sample_of_every_function_gets_the_answer_its_scenario_expects() throws Exception {
        Replayer replayer = new Replayer(system, gateway.port());
        List<Replayer.Result> results = new ArrayList<>();
        for (String function : system.functionNames()) {
            results.addAll(replayer.replay(RepositoryRoot.get().resolve("events"), function));
        }

        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.expected())
                .as("%s/%s → %s %s %s", r.function(), r.scenario(), r.status(), r.body(), r.error()).isTrue());
    }

    @Test
    void a_zendesk_sample_replayed_as_stored_is_refused_as_stale_and_signed_again_it_is_accepted() throws Exception {
        List<Replayer.Result> results = new Replayer(system, gateway.port())
                .replay(RepositoryRoot.get().resolve("events"), "ticket-classify");

        assertThat(scenario(results, "webhook-stale-signature").status()).isEqualTo(401);
        assertThat(scenario(results, "webhook-trigger-subscription-cancel").status()).isEqualTo(202);
        assertThat(scenario(results, "webhook-bad-signature").status()).isEqualTo(401);
        assertThat(Files.readString(system.process("ticket-webhook").log()))
                .contains("zendesk webhook unauthorised: STALE", "zendesk webhook unauthorised: MISMATCH");
    }

    @Test
    void the_local_runtime_keeps_the_production_signature_window_of_five_minutes() throws Exception {
        String secret = ZendeskWebhooks.testSecret();
        String body = Events.load("ticket-classify", "webhook-trigger-subscription-cancel");
        String rawBody = new ObjectMapper().readTree(body).path("body").asText();
        String sixMinutesAgo = ZendeskWebhooks.timestamp(Instant.now().minus(Duration.ofMinutes(6)));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/webhooks/zendesk"))
                .header("content-type", "application/json")
                .header(ZendeskWebhooks.TIMESTAMP, sixMinutesAgo)
                .header(ZendeskWebhooks.SIGNATURE, ZendeskWebhooks.sign(secret, sixMinutesAgo,
                        rawBody.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
    }

    private static Replayer.Result scenario(List<Replayer.Result> results, String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + scenario));
    }

    @Test
    void an_assignment_over_the_http_api_reaches_the_packaged_function_and_dynamodb() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/experiments/onboarding-push-copy/assignments"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"user-1002\",\"attributes\":{\"platform\":\"ios\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // user-1002 hashes to 0.4232 on this key with GrowthBook's hash v2 → [0.34, 0.67) = social-proof
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(response.body()).contains("\"variationKey\":\"social-proof\"");
        var item = system.emulator().dynamo().getItem(b -> b.tableName("hearken-exposures").consistentRead(true)
                .key(Map.of("experimentKey", AttributeValue.fromS("onboarding-push-copy"),
                        "userId", AttributeValue.fromS("user-1002"))));
        assertThat(item.hasItem()).isTrue();
    }

    @Test
    void an_unknown_route_is_a_404_from_the_gateway_without_invoking_anything() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/nope")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void the_function_is_started_from_the_artifact_named_in_the_template() {
        Path log = system.process("experiment-assign").log();

        assertThat(log).exists();
        assertThat(report).contains("initialised in");
    }

    @Test
    void a_campaign_scheduled_through_the_operator_api_runs_in_push_campaign_when_its_schedule_fires() throws Exception {
        String campaign = "/admin/campaigns/local-it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = signed("PUT", campaign, "{\"program\":\"seasonal\",\"priority\":\"promotional\","
                + "\"template\":\"spring-sale\",\"userIds\":[\"user-1001\",\"user-1003\"]}");
        java.time.Instant at = java.time.Instant.now().plus(java.time.Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        HttpResponse<String> scheduled = signed("POST", campaign + "/schedule", "{\"at\":\"" + at + "\"}");

        // The emulator keeps schedules without firing them: fire what is due an hour and a minute from now.
        int fired = system.oneTimeSchedules(new Report(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                .fireDue(at.plusSeconds(60));
        HttpResponse<String> read = signed("GET", campaign, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(fired).isPositive();
        assertThat(read.body()).contains("\"status\":\"done\"").contains("\"enqueued\":2");
    }

    private static HttpResponse<String> signed(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("content-type", "application/json")
                .header("authorization", "AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST/20261207/us-east-1/execute-api/aws4_request")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
