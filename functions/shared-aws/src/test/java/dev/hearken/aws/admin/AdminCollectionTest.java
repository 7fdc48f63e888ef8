package dev.hearken.aws.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.testing.MutableClock;
import dev.hearken.testing.aws.Emulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The operator API's HTTP conventions end to end through {@link HttpEndpoint}, on moto: a two-part key
 * (template, language), validation naming the field, If-Match, 409 on a stale write, 428 without a version,
 * 401 without an IAM caller, the history route.
 */
class AdminCollectionTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/ops-alice";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynamoDbClient dynamo;
    private static String table;
    private static String auditTable;

    private final HttpEndpoint http = new HttpEndpoint(new JsonBodies(JSON), JSON);
    private AdminCollection templates;

    /** Templates: a text with at most 2,000 characters. */
    private static final ItemSchema SCHEMA = new ItemSchema() {
        @Override
        public String kind() {
            return "reply-template";
        }

        @Override
        public List<String> keyNames() {
            return List.of("templateId", "language");
        }

        @Override
        public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
            JsonNode text = body.get("text");
            if (text == null || !text.isTextual() || text.asText().isBlank() || text.asText().length() > 2000) {
                throw new BadRequestException("text", "text is required: 1-2000 characters");
            }
            return Map.of("text", AttributeValue.fromS(text.asText()));
        }
    };

    @BeforeAll
    static void tables() {
        dynamo = Emulator.shared().dynamo();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        table = "admin-test-templates-" + suffix;
        auditTable = "admin-test-audit2-" + suffix;
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("templateId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("language").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("templateId").keyType(KeyType.HASH),
                        k -> k.attributeName("language").keyType(KeyType.RANGE)));
        dynamo.createTable(b -> b.tableName(auditTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("entity").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("day").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("entity").keyType(KeyType.HASH),
                        k -> k.attributeName("at").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(AuditTrail.BY_DAY_INDEX)
                        .keySchema(k -> k.attributeName("day").keyType(KeyType.HASH),
                                k -> k.attributeName("at").keyType(KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private AdminCollection templates() {
        if (templates == null) {
            AuditTrail audit = new AuditTrail(dynamo, auditTable, JSON,
                    new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
            templates = new AdminCollection(new VersionedItems(dynamo, table, SCHEMA.kind(), audit), SCHEMA, audit);
        }
        return templates;
    }

    @Test
    void an_operator_creates_reads_updates_and_deletes_a_template_and_each_change_is_in_its_history() throws Exception {
        String id = "welcome-" + UUID.randomUUID().toString().substring(0, 8);

        APIGatewayV2HTTPResponse created = call("POST", "/admin/reply-templates", Map.of(), null,
                "{\"templateId\":\"" + id + "\",\"language\":\"es\",\"text\":\"Hola\"}", ALICE);
        APIGatewayV2HTTPResponse read = call("GET", "/admin/reply-templates/{templateId}/{language}",
                Map.of("templateId", id, "language", "es"), null, null, ALICE);
        APIGatewayV2HTTPResponse updated = call("PUT", "/admin/reply-templates/{templateId}/{language}",
                Map.of("templateId", id, "language", "es"), "\"1\"", "{\"text\":\"Hola de nuevo\"}", ALICE);
        APIGatewayV2HTTPResponse partition = call("GET", "/admin/reply-templates/{templateId}",
                Map.of("templateId", id), null, null, ALICE);
        APIGatewayV2HTTPResponse deleted = call("DELETE", "/admin/reply-templates/{templateId}/{language}",
                Map.of("templateId", id, "language", "es"), "W/\"2\"", null, ALICE);
        APIGatewayV2HTTPResponse history = call("GET", "/admin/reply-templates/{templateId}/{language}/history",
                Map.of("templateId", id, "language", "es"), null, null, ALICE);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("etag", "\"1\"");
        assertThat(body(read).get("text").asText()).isEqualTo("Hola");
        assertThat(body(read).get("updatedBy").asText()).isEqualTo(ALICE);
        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(body(updated).get("version").asInt()).isEqualTo(2);
        assertThat(body(partition).get("count").asInt()).isEqualTo(1);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(body(history).get("items")).extracting(e -> e.get("action").asText())
                .containsExactly("delete", "update", "create");
    }

    @Test
    void a_write_based_on_a_stale_version_is_a_409_with_the_current_version_and_changes_nothing() throws Exception {
        String id = "stale-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> key = Map.of("templateId", id, "language", "en");
        call("PUT", "/admin/reply-templates/{templateId}/{language}", key, null, "{\"text\":\"v1\"}", ALICE);
        call("PUT", "/admin/reply-templates/{templateId}/{language}", key, null, "{\"text\":\"v2\",\"version\":1}",
                ALICE);

        APIGatewayV2HTTPResponse stale = call("PUT", "/admin/reply-templates/{templateId}/{language}", key, "\"1\"",
                "{\"text\":\"lost update\"}", ALICE);

        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(body(stale).get("error").asText()).isEqualTo("version_conflict");
        assertThat(body(stale).get("currentVersion").asInt()).isEqualTo(2);
        assertThat(body(call("GET", "/admin/reply-templates/{templateId}/{language}", key, null, null, ALICE))
                .get("text").asText()).isEqualTo("v2");
    }

    @Test
    void an_update_of_an_existing_object_without_a_version_is_a_428() throws Exception {
        Map<String, String> key = Map.of("templateId", "nover-" + UUID.randomUUID().toString().substring(0, 8),
                "language", "en");
        call("PUT", "/admin/reply-templates/{templateId}/{language}", key, null, "{\"text\":\"v1\"}", ALICE);

        APIGatewayV2HTTPResponse blind = call("PUT", "/admin/reply-templates/{templateId}/{language}", key, null,
                "{\"text\":\"blind\"}", ALICE);

        assertThat(blind.getStatusCode()).isEqualTo(428);
        assertThat(body(blind).get("field").asText()).isEqualTo("version");
    }

    @Test
    void invalid_requests_are_400s_naming_the_field_and_write_nothing() throws Exception {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> key = Map.of("templateId", id, "language", "en");
        String route = "/admin/reply-templates/{templateId}/{language}";
        record Case(String method, String route, Map<String, String> path, String ifMatch, String body, String field) {}
        List<Case> cases = List.of(
                new Case("PUT", route, key, null, "{\"text\":\"\"}", "text"),
                new Case("PUT", route, key, null, "{\"text\":12}", "text"),
                new Case("PUT", route, key, null, "{\"text\":\"x\",\"version\":\"one\"}", "version"),
                new Case("PUT", route, key, "\"abc\"", "{\"text\":\"x\"}", "If-Match"),
                new Case("PUT", route, key, null, "{\"text\":\"x\",\"templateId\":\"other\"}", "templateId"),
                new Case("PUT", route, Map.of("templateId", "../../etc/passwd", "language", "en"), null,
                        "{\"text\":\"x\"}", "templateId"),
                new Case("POST", "/admin/reply-templates", Map.of(), null, "{\"language\":\"en\",\"text\":\"x\"}",
                        "templateId"),
                new Case("POST", "/admin/reply-templates", Map.of(), null,
                        "{\"templateId\":\"a\r\nb\",\"language\":\"en\",\"text\":\"x\"}", "templateId"),
                new Case("PUT", route, key, null, "{\"text\":\"x\",\"text\":\"y\"}", null),
                new Case("PUT", route, key, null, "[]", null),
                new Case("PUT", route, key, null, "{\"text\":", null));

        for (Case c : cases) {
            APIGatewayV2HTTPResponse response = call(c.method(), c.route(), c.path(), c.ifMatch(), c.body(), ALICE);
            assertThat(response.getStatusCode()).as(c.toString()).isEqualTo(400);
            if (c.field() != null) {
                assertThat(body(response).get("field").asText()).as(c.toString()).isEqualTo(c.field());
            }
        }
        assertThat(templates().items().find(ItemKey.strings("templateId", id, "language", "en"))).isEmpty();
    }

    @Test
    void a_write_without_an_iam_caller_is_a_401_and_writes_nothing() throws Exception {
        String id = "anon-" + UUID.randomUUID().toString().substring(0, 8);

        APIGatewayV2HTTPResponse response = call("POST", "/admin/reply-templates", Map.of(), null,
                "{\"templateId\":\"" + id + "\",\"language\":\"en\",\"text\":\"x\"}", null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(templates().items().find(ItemKey.strings("templateId", id, "language", "en"))).isEmpty();
    }

    private APIGatewayV2HTTPResponse call(String method, String route, Map<String, String> path, String ifMatch,
            String body, String caller) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(method + " " + route);
        event.setPathParameters(path.isEmpty() ? null : path);
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        event.setHeaders(headers);
        event.setBody(body);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build());
        if (caller != null) {
            var iam = new APIGatewayV2HTTPEvent.RequestContext.IAM();
            iam.setUserArn(caller);
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setIam(iam);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return http.handle("admin", event, AdminRequests.ERRORS, request -> templates().serve(request));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}
