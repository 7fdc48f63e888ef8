package dev.hearken.push.function;

import static dev.hearken.push.function.AppApiCalls.assertRefused;
import static dev.hearken.push.function.AppApiCalls.body;
import static dev.hearken.push.function.AppApiCalls.forUser;
import static dev.hearken.push.function.AppApiCalls.invoke;
import static dev.hearken.push.function.AppApiCalls.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.experiment.UserTotals;
import dev.hearken.push.domain.ErasurePlan;
import dev.hearken.testing.aws.TemplateProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasing a user through the app-api Lambda ({@code DELETE /users/{userId}}): every table that holds the user under
 * the user id is emptied of the user — and only of the user: a second user's items in the same tables stay.
 */
@QuarkusTest
@TestProfile(AppFunctionTest.AppExport.class)
class AppEraseFunctionTest {

    private static final String USER = "app-user-erase";
    private static final String OTHER = "app-user-stays";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Test
    void erasing_a_user_deletes_their_items_in_every_linkable_table_reports_the_counts_and_keeps_everyone_else() {
        seed(USER);
        seed(OTHER);
        awaitIndexed(USER);

        JsonPath reply = invoke(sample("erase-user-ok", forUser(USER)));

        assertThat(reply.getInt("statusCode")).isEqualTo(200);
        JsonPath report = body(reply);
        assertThat(report.getString("userId")).isEqualTo(USER);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("push-devices", 2);
        expected.put("push-users", 1);
        expected.put("push-caps", 2);
        expected.put("push-deliveries", 3);
        expected.put("push-segments", 2);
        expected.put("experiment-aggregates", 3);
        expected.put("conversions", 2);
        expected.put("exposures", 2);
        assertThat(report.<String, Integer>getMap("erased")).containsExactlyEntriesOf(expected);
        assertThat(report.getList("notLinkable", String.class)).containsExactlyElementsOf(ErasurePlan.NOT_LINKABLE.keySet())
                .contains("push-sends", "reviews");
        assertThat(itemsOf(USER)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(itemsOf(OTHER)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(aggregate("agg#exposed#0")).isNotNull(); // the experiment's counters are not the user's
    }

    @Test
    void erasing_again_finds_nothing_and_reports_zeros() {
        String user = "app-user-erase-twice";
        seed(user);
        awaitIndexed(user);
        invoke(sample("erase-user-ok", forUser(user)));

        JsonPath again = invoke(sample("erase-user-ok", forUser(user)));

        assertThat(again.getInt("statusCode")).isEqualTo(200);
        assertThat(body(again).<String, Integer>getMap("erased")).containsOnlyKeys(ErasurePlan.ERASED)
                .allSatisfy((store, count) -> assertThat(count).as(store).isZero());
    }

    @Test
    void the_sample_with_a_path_traversal_for_a_user_id_is_refused_naming_it() {
        assertRefused(invoke(sample("erase-user-invalid-id", e -> { })), "userId");
    }

    @ParameterizedTest(name = "erasing a user id with {0} is refused and erases nothing")
    @MethodSource("dev.hearken.push.function.AppFunctionTest#invalidUserIds")
    void erasing_an_invalid_user_id_is_refused_naming_it(String what, String field, Consumer<ObjectNode> change,
            String expectedField) {
        String user = "app-user-not-erased";
        seed(user);
        ObjectNode event = sample("erase-user-ok", forUser(user));
        change.accept(event);

        assertRefused(invoke(event), expectedField);
        assertThat(itemsOf(user).get("push-users")).isEqualTo(1);
    }

    @Test
    void the_user_id_indexes_the_erasure_queries_are_in_the_cdk_template() {
        TemplateProvisioner template = TemplateProvisioner.fromClasspath();

        assertThat(template.tableNames()).contains(tables.pushDeliveries(), tables.pushSegments(), tables.exposures(),
                tables.conversions(), tables.experimentAggregates(), tables.pushCaps());
        for (String table : List.of(tables.pushDeliveries(), tables.pushSegments(), tables.exposures(), tables.conversions())) {
            assertThat(dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes())
                    .as(table).extracting(i -> i.indexName()).containsExactly("byUser");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * Items of {@code user} everywhere the erasure looks, in the item shapes their writers use: 2 devices, a profile,
     * 2 cap windows, 3 delivery records, 2 segment memberships, 2 exposures with 3 running totals between them,
     * 2 conversions.
     */
    private void seed(String user) {
        put(tables.pushDevices(), Map.of("userId", s(user), "token", s("eHearken" + user + ":APA91bAndroid"),
                "platform", s("android")));
        put(tables.pushDevices(), Map.of("userId", s(user), "token", s("ab".repeat(32)), "platform", s("ios")));
        put(tables.pushUsers(), Map.of("userId", s(user), "locale", s("en-GB"), "email", s(user + "@example.org")));
        put(tables.pushCaps(), Map.of("userId", s(user), "window", s("d#2026-03-20"), "count", n(1)));
        put(tables.pushCaps(), Map.of("userId", s(user), "window", s("w#2026-W12"), "count", n(1)));
        for (int i = 0; i < 3; i++) {
            put(tables.pushDeliveries(), Map.of("pk", s("support#2026-03-20#" + i), "sk", s("2026-03-20T15:00:0" + i + "Z#" + user),
                    "userId", s(user), "outcome", s("sent")));
        }
        put(tables.pushSegments(), Map.of("segmentId", s("spring-sale-2026-audience"), "userId", s(user)));
        put(tables.pushSegments(), Map.of("segmentId", s("lapsed-90d"), "userId", s(user)));
        for (String experiment : List.of("onboarding-push-copy", "reply-template-tone")) {
            put(tables.exposures(), Map.of("experimentKey", s(experiment), "userId", s(user), "variationId", n(0)));
        }
        put(tables.experimentAggregates(), Map.of("experimentKey", s("onboarding-push-copy"),
                "sk", s(UserTotals.sk("push_opened", user)), "total", n(1)));
        put(tables.experimentAggregates(), Map.of("experimentKey", s("onboarding-push-copy"),
                "sk", s(UserTotals.sk("revenue", user)), "total", n(5)));
        put(tables.experimentAggregates(), Map.of("experimentKey", s("reply-template-tone"),
                "sk", s(UserTotals.sk("csat_good", user)), "total", n(1)));
        put(tables.experimentAggregates(), Map.of("experimentKey", s("onboarding-push-copy"),
                "sk", s("agg#exposed#0"), "users", n(2)));
        put(tables.conversions(), Map.of("eventId", s("evt-open-" + user), "userId", s(user), "type", s("push_opened")));
        put(tables.conversions(), Map.of("eventId", s("evt-buy-" + user), "userId", s(user), "type", s("revenue")));
    }

    /** What of {@code user} is in each table, read by key and by the user-id index. */
    private Map<String, Integer> itemsOf(String user) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("push-devices", byKey(tables.pushDevices(), user));
        out.put("push-users", dynamo.getItem(b -> b.tableName(tables.pushUsers()).consistentRead(true)
                .key(Map.of("userId", s(user)))).hasItem() ? 1 : 0);
        out.put("push-caps", byKey(tables.pushCaps(), user));
        out.put("push-deliveries", byIndex(tables.pushDeliveries(), user));
        out.put("push-segments", byIndex(tables.pushSegments(), user));
        int totals = 0;
        for (String experiment : List.of("onboarding-push-copy", "reply-template-tone")) {
            for (String type : UserTotals.OUTCOME_TYPES) {
                totals += dynamo.getItem(b -> b.tableName(tables.experimentAggregates()).consistentRead(true)
                        .key(Map.of("experimentKey", s(experiment), "sk", s(UserTotals.sk(type, user))))).hasItem() ? 1 : 0;
            }
        }
        out.put("experiment-aggregates", totals);
        out.put("conversions", byIndex(tables.conversions(), user));
        out.put("exposures", byIndex(tables.exposures(), user));
        return out;
    }

    /** The emulator's indexes may lag its table, as DynamoDB's do: wait until the seed is queryable by user. */
    private void awaitIndexed(String user) {
        Awaitility.await().until(() -> byIndex(tables.pushDeliveries(), user) == 3 && byIndex(tables.exposures(), user) == 2);
    }

    private int byKey(String table, String user) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", s(user)))).count();
    }

    private int byIndex(String table, String user) {
        return dynamo.query(b -> b.tableName(table).indexName("byUser").keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", s(user)))).count();
    }

    private Map<String, AttributeValue> aggregate(String sk) {
        return dynamo.getItem(b -> b.tableName(tables.experimentAggregates()).consistentRead(true)
                .key(Map.of("experimentKey", s("onboarding-push-copy"), "sk", s(sk)))).item();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
