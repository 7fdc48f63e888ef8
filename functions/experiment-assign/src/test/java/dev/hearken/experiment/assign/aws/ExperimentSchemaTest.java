package dev.hearken.experiment.assign.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.admin.AttributeJson;
import dev.hearken.aws.experiment.ExperimentItems;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.testing.aws.ExperimentSeeds;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator API's experiment bodies against the shipped definitions and the catalogue's reader: every seed is
 * accepted as it is, in both shapes a loader may send it, and the item written is what the catalogue reads.
 */
class ExperimentSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentSchema schema = new ExperimentSchema(JSON);
    private final ExperimentItems items = new ExperimentItems(JSON);

    @Test
    void every_shipped_experiment_is_accepted_as_a_definition_and_read_back_as_it_was() throws IOException {
        for (JsonNode seed : JSON.readTree(ExperimentSeeds.defaultFile().toFile())) {
            String key = seed.get("key").asText();
            ObjectNode body = JSON.createObjectNode().put("experimentKey", key);
            body.set("definition", seed);

            Map<String, AttributeValue> item = schema.item(Map.of("experimentKey", key), body);

            assertThat(items.read(item)).as(key).isEqualTo(Experiment.fromMap(plain(seed)));
            assertThat(item.get("status").s()).as(key).isEqualTo(seed.get("status").asText());
        }
    }

    @Test
    void every_item_the_seed_loader_writes_is_accepted_as_a_body_as_it_is() throws IOException {
        for (JsonNode seed : JSON.readTree(ExperimentSeeds.defaultFile().toFile())) {
            String key = seed.get("key").asText();
            // the item ExperimentSeeds writes (experimentKey, status, definition as text), as GET would show it
            JsonNode stored = AttributeJson.json(Map.of(
                    "experimentKey", AttributeValue.fromS(key),
                    "status", AttributeValue.fromS(seed.path("status").asText("running")),
                    "definition", AttributeValue.fromS(seed.toString())));

            assertThat(items.read(schema.item(Map.of("experimentKey", key), stored))).as(key)
                    .isEqualTo(Experiment.fromMap(plain(seed)));
        }
    }

    @Test
    void a_definition_without_a_status_is_written_as_a_draft_not_as_running() {
        JsonNode body = JSON.valueToTree(Map.of("definition", Map.of("variations", List.of("a", "b"))));

        Map<String, AttributeValue> item = schema.item(Map.of("experimentKey", "new-copy"), body);

        assertThat(item.get("status").s()).isEqualTo("draft");
        assertThat(items.read(item).status()).isEqualTo("draft");
    }

    @Test
    void a_status_that_contradicts_the_definitions_and_a_rollout_record_are_refused_naming_the_field() {
        JsonNode contradicting = JSON.valueToTree(Map.of("status", "draft",
                "definition", Map.of("status", "running", "variations", List.of("a", "b"))));
        JsonNode withRollout = JSON.valueToTree(Map.of("rolloutHistory", List.of(),
                "definition", Map.of("variations", List.of("a", "b"))));

        assertThatThrownBy(() -> schema.item(Map.of("experimentKey", "k"), contradicting))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> schema.item(Map.of("experimentKey", "k"), withRollout))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("rolloutHistory"));
    }

    private static Map<String, Object> plain(JsonNode seed) {
        return JSON.convertValue(seed, new TypeReference<>() {});
    }
}
