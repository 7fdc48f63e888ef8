package dev.hearken.ticket.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.ticket.aws.DynamoDbRoutingRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shipped defaults ({@code infra/seed/tables/routing-rules.json}, {@code vip.json}) are what the operator API
 * accepts, so the bootstrap can load them through it; and a rule written through the schema reads back, with the
 * worker's own reader, as the rule the seed holds.
 */
class AdminSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonBodies bodies = new JsonBodies(JSON);
    private final RoutingRuleSchema rules = new RoutingRuleSchema(bodies);
    private final VipSchema vips = new VipSchema(bodies);

    @Test
    void every_shipped_routing_rule_is_accepted_and_reads_back_as_the_rule_the_seed_holds() throws IOException {
        List<JsonNode> seeds = seed("routing-rules");

        assertThat(seeds).hasSize(12);
        for (JsonNode seed : seeds) {
            String ruleId = seed.get("ruleId").asText();
            Map<String, AttributeValue> written = rules.item(Map.of("ruleId", ruleId), withoutKey(seed, "ruleId"));

            assertThat(DynamoDbRoutingRules.rule(written)).as(ruleId)
                    .isEqualTo(DynamoDbRoutingRules.rule(Seeds.item(seed)));
            assertThat(written.get("note")).as(ruleId).isEqualTo(Seeds.item(seed).get("note"));
        }
    }

    @Test
    void every_shipped_vip_is_accepted_with_its_note() throws IOException {
        List<JsonNode> seeds = seed("vip");

        assertThat(seeds).hasSize(3);
        for (JsonNode seed : seeds) {
            String key = seed.get("vipKey").asText();
            assertThat(vips.item(Map.of("vipKey", key), withoutKey(seed, "vipKey"))).as(key)
                    .isEqualTo(Seeds.item(seed));
        }
    }

    @Test
    void a_flag_rule_that_would_auto_answer_is_refused_naming_auto_reply() {
        ObjectNode body = (ObjectNode) JSON.createObjectNode().put("order", 10).put("flag", "privacy")
                .put("autoReply", true);

        assertThatThrownBy(() -> rules.item(Map.of("ruleId", "privacy"), body))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("autoReply"));
    }

    @Test
    void a_rule_without_its_order_is_refused_naming_order() {
        assertThatThrownBy(() -> rules.item(Map.of("ruleId", "x"), JSON.createObjectNode().put("groupId", 1)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("order"));
    }

    private static ObjectNode withoutKey(JsonNode seed, String key) {
        ObjectNode body = seed.deepCopy();
        body.remove(key);
        return body;
    }

    private static List<JsonNode> seed(String table) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(RepositoryRoot.get().resolve("infra/seed/tables/" + table + ".json").toFile())
                .forEach(items::add);
        return items;
    }
}
