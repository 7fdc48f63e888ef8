package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import dev.hearken.testing.fakes.zendesk.ZendeskWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The operator API end to end through the local runtime, as a support lead would use it on day one: a routing rule
 * created and a reply template edited over the signed HTTP API change what happens to the next ticket. The shipped
 * how-to rule answers five languages only, so a German how-to question goes to the general queue unanswered; after
 * the operator adds a German how-to rule and rewrites the German how-to answer, a signed Zendesk webhook for such a
 * question is routed by the new rule and answered with the new text.
 */
@ExtendWith(SharedLocalSystem.class)
class OperatorApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICKET = 35990;
    private static final long GROUP = 360000000990L;

    private static LocalSystem system;
    private static HttpGateway gateway;
    private static OperatorApi api;

    @BeforeAll
    static void start(SharedLocalSystem.Started started) throws Exception {
        system = started.system();
        gateway = system.gateway(0);
        api = new OperatorApi(URI.create("http://127.0.0.1:" + gateway.port() + "/"), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDOPSALICE", "local")));
    }

    @Test
    void the_shipped_defaults_were_loaded_through_the_operator_api_and_audited() {
        OperatorApi.Response rule = api.send("GET", "/admin/routing-rules/privacy", null);
        OperatorApi.Response history = api.send("GET", "/admin/routing-rules/privacy/history", null);

        assertThat(system.bootstrapFailures()).isZero();
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(history.body()).contains("\"action\":\"create\"").contains("user/AKIDLOCALOPERATOR");
    }

    @Test
    void a_rule_and_a_template_created_through_the_api_route_and_answer_the_next_ticket() throws Exception {
        OperatorApi.Response rule = api.send("POST", "/admin/routing-rules", """
                {"ruleId":"how-to-de","order":135,"intents":["how_to"],"languages":["de"],"groupId":%d,
                 "tags":["how_to","how_to_de"],"autoReply":true,"note":"German how-to questions get the canned answer"}"""
                .formatted(GROUP));
        long version = JSON.readTree(api.send("GET", "/admin/reply-templates/ticket:how_to/de", null).body())
                .path("version").asLong();
        OperatorApi.Response template = api.send("PUT", "/admin/reply-templates/ticket:how_to/de", """
                {"version":%d,"body":"{#if name}Hallo {name},{#else}Hallo,{/if}\\n\\ndanke für Ihre Frage. \
                Schritt-für-Schritt-Anleitungen zu {app} finden Sie hier: {articleLink} [neu]\\n\\n\
                Ihre Anfragenummer ist {ticketId}.\\n\\n\
                Antworten Sie auf diese Nachricht, und ein Mensch aus unserem Team meldet sich bei Ihnen."}"""
                .formatted(version));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(template.status()).as(template.body()).isEqualTo(200);
        assertThat(JSON.readTree(rule.body()).path("updatedBy").asText()).endsWith("user/AKIDOPSALICE");

        ZendeskFake zendesk = (ZendeskFake) system.fakes().byName("zendesk");
        zendesk.putUser("""
                {"id":9100000000990,"name":"Jonas Weber","email":"jonas.weber@example.de","locale":"de",
                 "organization_id":null,"role":"end-user"}""");
        zendesk.putTicket("""
                {"id":%d,"subject":"Dunkler Modus","description":"Hallo, wie kann ich den dunklen Modus in der App \
                einschalten? Ich finde die Einstellung nicht. Danke, Jonas",
                 "status":"new","priority":null,"type":null,"group_id":null,"assignee_id":null,"tags":["web_form"],
                 "requester_id":9100000000990,"submitter_id":9100000000990,"organization_id":null,
                 "created_at":"2026-12-07T09:00:00Z","updated_at":"2026-12-07T09:00:00Z","via":{"channel":"web"},
                 "is_public":true}""".formatted(TICKET));
        String body = """
                {"ticket_id":"%d","subject":"Dunkler Modus","description":"Hallo, wie kann ich den dunklen Modus in der \
                App einschalten? Ich finde die Einstellung nicht. Danke, Jonas",
                 "status":"New","priority":"-","tags":"web_form","requester_locale":"Deutsch","brand":"Lumen",
                 "via":"Web Form","updated_at":"2026-12-07T09:00:00Z"}""".formatted(TICKET);
        String timestamp = ZendeskWebhooks.timestamp(Instant.now());
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/webhooks/zendesk"))
                .header("content-type", "application/json")
                .header(ZendeskWebhooks.TIMESTAMP, timestamp)
                .header(ZendeskWebhooks.SIGNATURE, ZendeskWebhooks.sign(ZendeskWebhooks.testSecret(), timestamp,
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        JsonNode routed = await(() -> zendesk.updatesOf(TICKET).stream()
                .filter(u -> u.path("ticket").path("group_id").asLong() == GROUP).findFirst().orElse(null));
        assertThat(routed.toString()).contains("how_to_de");
        JsonNode answer = await(() -> zendesk.commentsOf(TICKET).stream()
                .filter(c -> c.path("body").asText().contains("[neu]")).findFirst().orElse(null));
        // Every automatic answer offers a person (the operator API refuses a template that does not).
        assertThat(answer.path("body").asText()).contains(String.valueOf(TICKET)).contains("ein Mensch aus unserem Team");
        assertThat(answer.path("public").asBoolean()).isTrue();

        OperatorApi.Response decisions = api.send("GET", "/admin/tickets/" + TICKET + "/decisions", null);
        assertThat(decisions.body()).contains("how-to-de");
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not seen within 60 s; Zendesk updates: " + ((ZendeskFake) system.fakes()
                .byName("zendesk")).updatesOf(TICKET) + "; decisions: "
                + api.send("GET", "/admin/tickets/" + TICKET + "/decisions", null).body());
    }
}
