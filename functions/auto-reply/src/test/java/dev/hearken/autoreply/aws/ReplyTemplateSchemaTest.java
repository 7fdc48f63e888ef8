package dev.hearken.autoreply.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.autoreply.domain.ArticleLinks;
import dev.hearken.autoreply.domain.TemplateRules;
import dev.hearken.autoreply.template.QuteRenderer;
import dev.hearken.aws.admin.AttributeJson;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.testing.RepositoryRoot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The template schema against the shipped catalogue: every seed entry is valid and stored exactly as it is. */
class ReplyTemplateSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReplyTemplateSchema schema = new ReplyTemplateSchema(
            new TemplateRules(new QuteRenderer(), "Hearken", ArticleLinks.of("https://help.example.com")));

    @Test
    void every_seed_template_validates_and_is_written_in_exactly_its_seed_shape() throws Exception {
        JsonNode seed = JSON.readTree(RepositoryRoot.get().resolve("infra/seed/tables/reply-templates.json").toFile());

        assertThat(seed.size()).isGreaterThan(50);
        for (JsonNode entry : seed) {
            Map<String, String> key = Map.of("templateKey", entry.get("templateKey").asText(),
                    "language", entry.get("language").asText());
            ObjectNode body = entry.deepCopy();
            body.remove(key.keySet());

            Map<String, AttributeValue> written = new LinkedHashMap<>(schema.item(key, body));
            key.forEach((name, value) -> written.put(name, AttributeValue.fromS(value)));

            assertThat(written).as(key.toString()).isEqualTo(AttributeJson.item(entry));
        }
    }

    @Test
    void a_body_reading_a_value_the_worker_never_provides_is_refused_naming_body() {
        ObjectNode body = JSON.createObjectNode().put("body",
                "Hello {user.email}.\n\nReply to this message and a person from our team will answer.");

        assertThatThrownBy(() -> schema.item(Map.of("templateKey", "ticket:how_to", "language", "en"), body))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("body"))
                .hasMessageContaining("{user}");
    }

    @Test
    void section_parameters_count_as_names_the_template_reads() {
        assertThat(new QuteRenderer().dataNames("{#if name}Hi {name}{#else}Hi{/if} {#if ticketId}#{ticketId}{/if}"))
                .containsExactly("name", "ticketId");
    }
}
