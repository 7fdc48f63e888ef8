package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail-feedback Lambda (same artifact, export {@code feedback}): the SQS batches of {@code events/mail-feedback/}
 * (SES events in SNS envelopes) through the Lambda mock event server, {@code push-users} in the emulator. The
 * samples' recipient tags are sealed with the test-only key of {@code infra/seed/secrets.local.json}; the seeded
 * users are put back after each test.
 */
@QuarkusTest
@TestProfile(MailFeedbackFunctionTest.FeedbackExport.class)
class MailFeedbackFunctionTest {

    /** Runs the application with {@code QUARKUS_FUNQY_EXPORT=feedback}, as the CDK stack does for mail-feedback. */
    public static class FeedbackExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "feedback");
        }
    }

    private static final List<String> USERS = List.of("user-1001", "user-1002", "user-1003");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private final Map<String, Map<String, AttributeValue>> seeded = new HashMap<>();

    @BeforeEach
    void remember_the_seeded_users() {
        USERS.forEach(user -> seeded.put(user, item(user)));
    }

    @AfterEach
    void put_the_seeded_users_back() {
        seeded.values().forEach(item -> dynamo.putItem(b -> b.tableName(tables.pushUsers()).item(item)));
    }

    @Test
    void a_permanent_bounce_marks_the_tagged_users_address_bounced() {
        JsonPath response = invoke(Events.load("mail-feedback", "sqs-bounce-permanent"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(status("user-1003")).isEqualTo("bounced");
        assertThat(item("user-1003")).containsKey("emailStatusAt");
    }

    @Test
    void a_transient_bounce_changes_nothing() {
        JsonPath response = invoke(Events.load("mail-feedback", "sqs-bounce-transient"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(item("user-1001")).isEqualTo(seeded.get("user-1001"));
    }

    @Test
    void a_complaint_marks_the_address_complained_and_a_later_bounce_does_not_undo_it() throws Exception {
        JsonPath response = invoke(Events.load("mail-feedback", "sqs-complaint"));
        String bounceOfTheSameUser = permanentBounceInsteadOf(Events.load("mail-feedback", "sqs-complaint"));
        JsonPath bounce = invoke(bounceOfTheSameUser);

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(bounce.getList("batchItemFailures")).isEmpty();
        assertThat(status("user-1002")).isEqualTo("complained");
    }

    @Test
    void a_batch_with_one_malformed_record_reports_exactly_that_record_and_handles_the_others() {
        JsonPath response = invoke(Events.load("mail-feedback", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-feedback-bad-1");
        assertThat(item("user-1001")).isEqualTo(seeded.get("user-1001"));
        assertThat(item("user-1002")).isEqualTo(seeded.get("user-1002"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The sample with its SES event turned into a permanent bounce of the same mail (same tag, same address). */
    private static String permanentBounceInsteadOf(String sample) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode batch = (ObjectNode) json.readTree(sample);
        ObjectNode record = (ObjectNode) batch.path("Records").get(0);
        ObjectNode sns = (ObjectNode) json.readTree(record.path("body").asText());
        ObjectNode event = (ObjectNode) json.readTree(sns.path("Message").asText());
        event.remove("complaint");
        event.put("eventType", "Bounce");
        event.putObject("bounce").put("bounceType", "Permanent").putArray("bouncedRecipients").addObject()
                .put("emailAddress", "sam.miller@example.org");
        sns.put("Message", json.writeValueAsString(event));
        record.put("body", json.writeValueAsString(sns));
        return json.writeValueAsString(batch);
    }

    private Map<String, AttributeValue> item(String user) {
        return dynamo.getItem(b -> b.tableName(tables.pushUsers()).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user)))).item();
    }

    private String status(String user) {
        AttributeValue status = item(user).get("emailStatus");
        return status == null ? null : status.s();
    }
}
