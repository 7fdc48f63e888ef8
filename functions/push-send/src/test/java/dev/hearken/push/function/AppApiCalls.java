package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The app-api tests' way to call the function: a sample of {@code events/app-api/}, changed, through the mock event server. */
final class AppApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppApiCalls() {}

    static Object[] bad(String what, String field, Consumer<ObjectNode> change, String expectedField) {
        return new Object[] {what, field, change, expectedField};
    }

    /** Sets a path parameter (and the raw path does not matter to the function). */
    static void path(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("pathParameters")).put(name, value);
    }

    static Consumer<ObjectNode> forUser(String user) {
        return e -> path(e, "userId", user);
    }

    static ObjectNode sample(String scenario, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Events.load("app-api", scenario));
            change.accept(event);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonPath invoke(ObjectNode event) {
        return given().contentType("application/json").body(event.toString())
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath body(JsonPath reply) {
        return new JsonPath(reply.getString("body"));
    }

    static void assertRefused(JsonPath reply, String field) {
        assertThat(reply.getInt("statusCode")).isEqualTo(400);
        assertThat(body(reply).getString("error")).isEqualTo("invalid_request");
        assertThat(body(reply).getString("field")).isEqualTo(field);
    }

    static List<Map<String, AttributeValue>> devicesOf(DynamoDbClient dynamo, TableNames tables, String user) {
        return dynamo.query(b -> b.tableName(tables.pushDevices()).consistentRead(true)
                .keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user)))).items();
    }

}
