package dev.hearken.autoreply.function;

import static dev.hearken.autoreply.function.Invocations.invoke;
import static dev.hearken.autoreply.function.Invocations.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.autoreply.aws.DynamoDbReplyTemplates;
import dev.hearken.autoreply.domain.ArticleLinks;
import dev.hearken.autoreply.domain.LanguageChain;
import dev.hearken.autoreply.domain.Placeholders;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.ReplyComposer;
import dev.hearken.autoreply.template.QuteRenderer;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reply-template operator API ({@code auto-reply-admin}), fed from {@code events/auto-reply-admin/} through the
 * mock event server, on the emulator with the seeded catalogue: templates are checked by the worker's rules, stored
 * in the shape the worker reads, versioned and audited; the preview composes what a user would get.
 */
@QuarkusTest
@TestProfile(ReplyTemplatesAdminFunctionTest.Admin.class)
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class ReplyTemplatesAdminFunctionTest {

    /** The {@code admin} export, as {@code QUARKUS_FUNQY_EXPORT} selects it for {@code auto-reply-admin}. */
    public static final class Admin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "admin");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "hearken-reply-templates";
    private static final String ITEM_ROUTE = "/admin/reply-templates/{templateKey}/{language}";
    private static final String HOW_TO_EN = "{#if name}Hello {name},{#else}Hello,{/if}\n\nHere is how: {articleLink}\n\n"
            + "Your request number is {ticketId}.\n\nReply to this message and a person from our team will answer.";

    @Test
    void an_operator_creates_reads_updates_and_deletes_a_template_and_every_change_is_in_its_history() throws Exception {
        String key = "ticket:admin_" + suffix();

        JsonPath created = call("PUT", ITEM_ROUTE, key, "en", null, Map.of("body", HOW_TO_EN), true);
        JsonPath read = call("GET", ITEM_ROUTE, key, "en", null, null, true);
        JsonPath updated = call("PUT", ITEM_ROUTE, key, "en", "\"1\"",
                Map.of("body", HOW_TO_EN.replace("Here is how", "This is how"), "experimentKey", "reply-template-tone",
                        "variants", Map.of("friendly", "Hi! {articleLink}\n\nReply to this message and a person from our team will answer.")),
                true);
        JsonPath deleted = call("DELETE", ITEM_ROUTE, key, "en", "\"2\"", null, true);
        JsonPath history = call("GET", ITEM_ROUTE + "/history", key, "en", null, null, true);

        assertThat(created.getInt("statusCode")).isEqualTo(201);
        assertThat(body(read).get("body").asText()).isEqualTo(HOW_TO_EN);
        assertThat(body(read).get("version").asInt()).isEqualTo(1);
        assertThat(body(updated).get("variants").get("friendly").asText()).startsWith("Hi!");
        assertThat(deleted.getInt("statusCode")).isEqualTo(204);
        assertThat(item(TABLE, key(key, "en"))).isEmpty();
        assertThat(body(history).get("items")).extracting(e -> e.get("action").asText())
                .containsExactly("delete", "update", "create");
        assertThat(body(history).get("items").get(0).get("author").asText())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/hearken-operators/ana.lima");
    }

    @Test
    void a_template_written_through_the_api_is_what_the_worker_reads_and_sends() throws Exception {
        String key = "ticket:worker_" + suffix();
        call("PUT", ITEM_ROUTE, key, "pt", null, Map.of("body", "{#if name}Olá {name},{#else}Olá,{/if} veja {articleLink}.\n\n"
                + "Responda a esta mensagem e uma pessoa da nossa equipa irá responder-lhe.", "experimentKey", "reply-template-tone",
                "variants", Map.of("friendly", "Olá! {articleLink}\n\n"
                        + "Responda a esta mensagem e uma pessoa da nossa equipa irá responder-lhe.")), true);

        // the worker's own adapter and composer, as AutoReplyService calls them for a pt-BR requester
        ReplyComposer worker = new ReplyComposer(
                new DynamoDbReplyTemplates(Emulator.shared().dynamo(), TABLE, Duration.ZERO), new QuteRenderer(),
                (experiment, unit) -> Optional.of("friendly"));
        var reply = worker.compose(ReplyChannel.Kind.TICKET, List.of(key), LanguageChain.of("pt-BR", "pt"),
                new Placeholders("Ana", "Lumen", ArticleLinks.of("https://help.example.com/a"), "35501"), "req-1").orElseThrow();

        assertThat(reply.language()).isEqualTo("pt");
        assertThat(reply.experimentKey()).isEqualTo("reply-template-tone");
        assertThat(reply.text()).isEqualTo("Olá! https://help.example.com/a\n\n"
                + "Responda a esta mensagem e uma pessoa da nossa equipa irá responder-lhe.");
    }

    @Test
    void a_seeded_template_is_at_version_0_and_the_sample_edit_based_on_it_applies() throws Exception {
        JsonPath updated = invoke(Events.load("auto-reply-admin", "update-template-ok"));

        assertThat(updated.getInt("statusCode")).isEqualTo(200);
        assertThat(body(updated).get("version").asInt()).isEqualTo(1);
        assertThat(item(TABLE, key("ticket:dummy", "fr")).get("body").s())
                .contains("s'il vous plaît").endsWith("Répondez à ce message et une personne de notre équipe vous répondra.");
    }

    @Test
    void invalid_templates_are_400s_naming_the_field_and_write_nothing() throws Exception {
        String key = "ticket:bad_" + suffix();
        String person = "\n\nReply to this message and a person from our team will answer.";
        record Case(String key, String language, Object body, String field) {}
        List<Case> cases = List.of(
                new Case(key, "en", Map.of("body", "Hello, see {articleLink}."), "body"),
                new Case(key, "en", Map.of("body", "Hello {email}." + person), "body"),
                new Case(key, "en", Map.of("body", "{#if name}Hello" + person), "body"),
                new Case(key, "en", Map.of("body", "{inject:secrets}" + person), "body"),
                new Case(key, "en", Map.of("body", 42), "body"),
                new Case(key, "en", Map.of("text", "Hello" + person), "text"),
                new Case(key, "en", Map.of("body", "Hello" + person, "variants", Map.of("friendly", "Hi" + person)),
                        "variants"),
                new Case(key, "en", Map.of("body", "Hello" + person, "experimentKey", "tone",
                        "variants", Map.of("friendly", "Hi, no person here")), "variants.friendly"),
                new Case(key, "it", Map.of("body", "Ciao" + person), "language"),
                new Case(key, "EN", Map.of("body", "Hello" + person), "language"),
                new Case("faq:" + key.substring(7), "en", Map.of("body", "Hello" + person), "templateKey"),
                new Case("review:bad_" + suffix(), "en", Map.of("body", "x".repeat(300) + " {name} Need a person? Write to us"
                        + " via Help in the app and someone from our team will answer."), "body"));

        for (Case c : cases) {
            JsonPath response = call("PUT", ITEM_ROUTE, c.key(), c.language(), null, c.body(), true);
            assertThat(response.getInt("statusCode")).as(c.toString()).isEqualTo(400);
            assertThat(body(response).get("field").asText()).as(c.toString()).isEqualTo(c.field());
            assertThat(item(TABLE, key(c.key(), c.language()))).as(c.toString()).isEmpty();
        }
        JsonPath noKey = call("POST", "/admin/reply-templates", null, null, null,
                Map.of("language", "en", "body", "Hello" + person), true);
        assertThat(body(noKey).get("field").asText()).isEqualTo("templateKey");
        JsonPath sample = invoke(Events.load("auto-reply-admin", "update-template-invalid-no-person"));
        assertThat(sample.getInt("statusCode")).isEqualTo(400);
        assertThat(body(sample).get("field").asText()).isEqualTo("body");
    }

    @Test
    void a_write_based_on_a_stale_version_is_a_409_and_changes_nothing() throws Exception {
        String key = "ticket:stale_" + suffix();
        call("PUT", ITEM_ROUTE, key, "en", null, Map.of("body", HOW_TO_EN), true);
        call("PUT", ITEM_ROUTE, key, "en", "\"1\"", Map.of("body", HOW_TO_EN.replace("Hello", "Hi")), true);

        JsonPath stale = call("PUT", ITEM_ROUTE, key, "en", "\"1\"", Map.of("body", HOW_TO_EN), true);

        assertThat(stale.getInt("statusCode")).isEqualTo(409);
        assertThat(body(stale).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(item(TABLE, key(key, "en")).get("body").s()).startsWith("{#if name}Hi");
        assertThat(invoke(Events.load("auto-reply-admin", "update-template-stale")).getInt("statusCode")).isEqualTo(409);
    }

    @Test
    void a_request_without_an_iam_caller_is_a_401_and_writes_nothing() throws Exception {
        String key = "ticket:anon_" + suffix();

        JsonPath response = call("PUT", ITEM_ROUTE, key, "en", null, Map.of("body", HOW_TO_EN), false);

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(item(TABLE, key(key, "en"))).isEmpty();
        assertThat(invoke(Events.load("auto-reply-admin", "update-template-missing-caller")).getInt("statusCode"))
                .isEqualTo(401);
    }

    @Test
    void the_preview_follows_the_language_chain_and_names_the_template_version_it_used() throws Exception {
        JsonPath response = invoke(Events.load("auto-reply-admin", "preview-pt-pt-falls-back-to-pt"));

        JsonNode preview = body(response);
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(preview.get("resolvedLanguage").asText()).isEqualTo("pt");
        assertThat(preview.get("chain")).extracting(JsonNode::asText).containsExactly("pt-PT", "pt", "en");
        assertThat(preview.get("text").asText()).contains("Ana", "35501")
                .endsWith("Responda a esta mensagem e uma pessoa da nossa equipa irá responder-lhe.");
        assertThat(preview.get("templateVersion").asLong()).isZero(); // the seed, never edited
        assertThat(preview.has("subject")).isFalse();
    }

    @Test
    void the_preview_of_an_email_answer_has_its_subject_and_shows_a_fresh_edit_at_once() throws Exception {
        String key = "ticket:preview_" + suffix();
        call("PUT", ITEM_ROUTE, key, "es", null, Map.of("body", "Hola {name}. Solicitud {ticketId}.\n\n"
                + "Responde a este mensaje y una persona de nuestro equipo te contestará."), true);
        call("PUT", ITEM_ROUTE, key, "es", "\"1\"", Map.of("body", "Hola de nuevo {name}. Solicitud {ticketId}.\n\n"
                + "Responde a este mensaje y una persona de nuestro equipo te contestará."), true);

        JsonPath response = invoke(Events.load("auto-reply-admin", "preview-email-subject")
                .replace("ticket:subscription_billing", key).replace("\"language\\\":\\\"es\\\"", "\"language\\\":\\\"es-MX\\\""));

        JsonNode preview = body(response);
        assertThat(preview.get("text").asText()).startsWith("Hola de nuevo Lucía. Solicitud 35503.");
        assertThat(preview.get("subject").asText()).isEqualTo("Re: Cobro duplicado");
        assertThat(preview.get("templateVersion").asLong()).isEqualTo(2);
        assertThat(preview.get("channel").asText()).isEqualTo("email");
    }

    @Test
    void the_preview_of_an_unknown_template_is_a_404_and_bad_previews_are_400s_naming_the_field() throws Exception {
        assertThat(invoke(Events.load("auto-reply-admin", "preview-unknown-template")).getInt("statusCode"))
                .isEqualTo(404);
        JsonPath wrongChannel = invoke(Events.load("auto-reply-admin", "preview-invalid-channel"));
        assertThat(body(wrongChannel).get("field").asText()).isEqualTo("channel");
        record Case(Object body, String field) {}
        for (Case c : List.of(
                new Case(Map.of("language", "en"), "templateKey"),
                new Case(Map.of("templateKey", "ticket:how_to"), "language"),
                new Case(Map.of("templateKey", "ticket:how_to", "language", "??"), "language"),
                new Case(Map.of("templateKey", "ticket:how_to", "language", "en", "channel", "fax"), "channel"),
                new Case(Map.of("templateKey", "ticket:how_to", "language", "en", "placeholders", Map.of("email", "x")),
                        "placeholders.email"),
                new Case(Map.of("templateKey", "../etc", "language", "en"), "templateKey"),
                new Case(Map.of("templateKey", "ticket:how_to", "language", "en", "colour", "red"), "colour"))) {
            JsonPath response = call("POST", "/admin/reply-templates/preview", null, null, null, c.body(), true);
            assertThat(response.getInt("statusCode")).as(c.toString()).isEqualTo(400);
            assertThat(body(response).get("field").asText()).as(c.toString()).isEqualTo(c.field());
        }
    }

    @Test
    void a_preview_without_an_iam_caller_is_a_401() throws Exception {
        JsonPath response = call("POST", "/admin/reply-templates/preview", null, null, null,
                Map.of("templateKey", "ticket:how_to", "language", "en"), false);

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(body(response).get("error").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void the_sample_reads_and_lists_answer_200() {
        for (String sample : List.of("get-template-ok", "list-template-languages-ok", "template-history-ok")) {
            assertThat(invoke(Events.load("auto-reply-admin", sample)).getInt("statusCode")).as(sample).isEqualTo(200);
        }
    }

    /** Calls a route as API Gateway would, with an IAM caller when {@code signed}. */
    private static JsonPath call(String method, String route, String templateKey, String language, String ifMatch,
            Object body, boolean signed) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Events.load("auto-reply-admin", "get-template-ok"));
        event.put("routeKey", method + " " + route);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", method + " " + route);
        ((ObjectNode) context.get("http")).put("method", method);
        ObjectNode params = event.putObject("pathParameters");
        if (templateKey != null) {
            params.put("templateKey", templateKey);
        }
        if (language != null) {
            params.put("language", language);
        }
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        if (!signed) {
            context.remove("authorizer");
            headers.remove("authorization");
        }
        if (body != null) {
            event.put("body", JSON.writeValueAsString(body));
        }
        return invoke(event.toString());
    }

    private static JsonNode body(JsonPath response) throws Exception {
        return JSON.readTree(response.getString("body"));
    }

    private static Map<String, AttributeValue> key(String templateKey, String language) {
        return Map.of("templateKey", AttributeValue.fromS(templateKey), "language", AttributeValue.fromS(language));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
    }
}
