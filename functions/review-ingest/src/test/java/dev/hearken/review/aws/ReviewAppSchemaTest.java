package dev.hearken.review.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.admin.AttributeJson;
import dev.hearken.review.model.Store;
import dev.hearken.testing.RepositoryRoot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The app schema against the shipped apps: every seed app is valid, stored exactly as it is and read back the same. */
class ReviewAppSchemaTest {

    private final ReviewAppSchema schema = new ReviewAppSchema(
            Map.of(Store.APP_STORE, "hearken/appstore", Store.GOOGLE_PLAY, "hearken/googleplay"));

    @Test
    void every_seed_app_validates_and_is_written_in_exactly_its_seed_shape() throws Exception {
        JsonNode seed = new ObjectMapper().readTree(
                RepositoryRoot.get().resolve("infra/seed/tables/review-apps.json").toFile());

        assertThat(seed.size()).isPositive();
        for (JsonNode entry : seed) {
            ObjectNode body = entry.deepCopy();
            body.remove("appId");
            Map<String, String> key = Map.of("appId", entry.get("appId").asText());

            Map<String, AttributeValue> written = new LinkedHashMap<>(schema.item(key, body));
            written.put("appId", AttributeValue.fromS(key.get("appId")));

            assertThat(written).as(key.toString()).isEqualTo(AttributeJson.item(entry));
            assertThat(DynamoDbApps.item(DynamoDbApps.app(written))).isEqualTo(written);
        }
    }
}
