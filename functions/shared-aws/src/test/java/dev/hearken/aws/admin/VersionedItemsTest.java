package dev.hearken.aws.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.MutableClock;
import dev.hearken.testing.aws.Emulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Versioned, audited operator writes on moto (over HTTP), on tables shaped as the CDK stack declares them. */
class VersionedItemsTest {

    private static final String AUTHOR = "arn:aws:iam::123456789012:user/ops-alice";
    private static DynamoDbClient dynamo;
    private static String rulesTable;
    private static String auditTable;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private AuditTrail audit;
    private VersionedItems rules;

    @BeforeAll
    static void tables() {
        dynamo = Emulator.shared().dynamo();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        rulesTable = "admin-test-rules-" + suffix;
        auditTable = "admin-test-audit-" + suffix;
        dynamo.createTable(b -> b.tableName(rulesTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("ruleId"))
                .keySchema(key("ruleId", KeyType.HASH)));
        dynamo.createTable(b -> b.tableName(auditTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("entity"), attribute("at"), attribute("day"))
                .keySchema(key("entity", KeyType.HASH), key("at", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(AuditTrail.BY_DAY_INDEX)
                        .keySchema(key("day", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    private VersionedItems rules() {
        if (rules == null) {
            audit = new AuditTrail(dynamo, auditTable, new ObjectMapper(), clock);
            rules = new VersionedItems(dynamo, rulesTable, "routing-rule", audit);
        }
        return rules;
    }

    @Test
    void a_created_object_is_version_1_and_its_creation_is_audited_with_author_and_after() {
        ItemKey key = ItemKey.strings("ruleId", "created-" + UUID.randomUUID());

        Versioned created = rules().create(key, Map.of("groupId", AttributeValue.fromN("42")), AUTHOR);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(rules().get(key).item()).containsEntry("groupId", AttributeValue.fromN("42"))
                .containsEntry("ruleId", key.attributes().get("ruleId")).doesNotContainKey("version");
        List<AuditEntry> history = audit.history(rules().entity(key), 10);
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.author()).isEqualTo(AUTHOR);
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.before()).isNull();
            assertThat(e.after().get("groupId").asLong()).isEqualTo(42);
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void creating_an_existing_object_is_a_409_naming_its_version() {
        ItemKey key = ItemKey.strings("ruleId", "twice-" + UUID.randomUUID());
        rules().create(key, Map.of("groupId", AttributeValue.fromN("1")), AUTHOR);

        assertThatThrownBy(() -> rules().create(key, Map.of("groupId", AttributeValue.fromN("2")), AUTHOR))
                .isInstanceOfSatisfying(AdminRefusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("already_exists");
                    assertThat(r.currentVersion()).isEqualTo(1L);
                });
        assertThat(rules().get(key).item()).containsEntry("groupId", AttributeValue.fromN("1"));
    }

    @Test
    void an_update_based_on_the_current_version_lands_and_one_based_on_an_older_version_is_a_409() {
        ItemKey key = ItemKey.strings("ruleId", "edit-" + UUID.randomUUID());
        rules().create(key, Map.of("groupId", AttributeValue.fromN("1")), AUTHOR);
        clock.advance(Duration.ofMinutes(1));

        Versioned second = rules().replace(key, 1, Map.of("groupId", AttributeValue.fromN("2")), "bob");

        assertThat(second.version()).isEqualTo(2);
        assertThatThrownBy(() -> rules().replace(key, 1, Map.of("groupId", AttributeValue.fromN("3")), "carol"))
                .isInstanceOfSatisfying(AdminRefusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.currentVersion()).isEqualTo(2L);
                });
        assertThat(rules().get(key).item()).containsEntry("groupId", AttributeValue.fromN("2"));
        List<AuditEntry> history = audit.history(rules().entity(key), 10);
        assertThat(history).extracting(AuditEntry::action).containsExactly("update", "create");
        assertThat(history.get(0).before().get("groupId").asInt()).isEqualTo(1);
        assertThat(history.get(0).after().get("groupId").asInt()).isEqualTo(2);
        assertThat(history.get(0).author()).isEqualTo("bob");
    }

    @Test
    void a_write_with_any_version_applies_to_the_current_one_and_is_audited() {
        ItemKey key = ItemKey.strings("ruleId", "any-" + UUID.randomUUID());
        rules().create(key, Map.of("groupId", AttributeValue.fromN("1")), AUTHOR);
        rules().replace(key, 1, Map.of("groupId", AttributeValue.fromN("2")), AUTHOR);

        Versioned third = rules().replace(key, VersionedItems.ANY_VERSION, Map.of("groupId", AttributeValue.fromN("3")),
                "script");

        assertThat(third.version()).isEqualTo(3);
        assertThat(audit.history(rules().entity(key), 10).get(0).before().get("groupId").asInt()).isEqualTo(2);
    }

    @Test
    void a_seeded_item_without_a_version_is_version_0_and_can_be_updated_from_it() {
        String id = "seed-" + UUID.randomUUID();
        dynamo.putItem(b -> b.tableName(rulesTable).item(Map.of("ruleId", AttributeValue.fromS(id),
                "groupId", AttributeValue.fromN("7"))));
        ItemKey key = ItemKey.strings("ruleId", id);

        assertThat(rules().get(key).version()).isZero();
        assertThat(rules().replace(key, 0, Map.of("groupId", AttributeValue.fromN("8")), AUTHOR).version())
                .isEqualTo(1);
    }

    @Test
    void a_delete_needs_the_current_version_and_is_audited_with_what_was_deleted() {
        ItemKey key = ItemKey.strings("ruleId", "gone-" + UUID.randomUUID());
        rules().create(key, Map.of("groupId", AttributeValue.fromN("5")), AUTHOR);

        assertThatThrownBy(() -> rules().delete(key, 7, AUTHOR)).isInstanceOf(AdminRefusal.class);
        rules().delete(key, 1, AUTHOR);

        assertThat(rules().find(key)).isEmpty();
        assertThat(audit.history(rules().entity(key), 10).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("delete");
            assertThat(e.after()).isNull();
            assertThat(e.before().get("groupId").asInt()).isEqualTo(5);
        });
        assertThatThrownBy(() -> rules().delete(key, 1, AUTHOR))
                .isInstanceOfSatisfying(AdminRefusal.class, r -> assertThat(r.status()).isEqualTo(404));
    }

    @Test
    void create_if_absent_never_overwrites_an_operators_edit() {
        ItemKey key = ItemKey.strings("ruleId", "boot-" + UUID.randomUUID());
        rules().create(key, Map.of("groupId", AttributeValue.fromN("99")), AUTHOR);

        assertThat(rules().createIfAbsent(key, Map.of("groupId", AttributeValue.fromN("1")), "bootstrap",
                "bootstrap")).isEmpty();
        assertThat(rules().get(key).item()).containsEntry("groupId", AttributeValue.fromN("99"));
    }

    @Test
    void audit_entries_expire_after_400_days_and_are_listed_by_day() {
        ItemKey key = ItemKey.strings("ruleId", "ttl-" + UUID.randomUUID());
        clock.set(Instant.parse("2026-12-09T08:00:00Z"));
        rules().create(key, Map.of("groupId", AttributeValue.fromN("1")), AUTHOR);

        var items = dynamo.query(b -> b.tableName(auditTable).keyConditionExpression("entity = :e")
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(rules().entity(key))))).items();
        assertThat(items).singleElement().satisfies(item -> assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(Instant.parse("2026-12-09T08:00:00Z").plus(Duration.ofDays(400)).getEpochSecond()));
        assertThat(audit.day("2026-12-09", 100)).extracting(AuditEntry::entity).contains(rules().entity(key));
    }

    @Test
    void history_is_in_the_order_of_the_changes_even_when_an_instant_has_no_fraction() {
        ItemKey key = ItemKey.strings("ruleId", "order-" + UUID.randomUUID());
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        rules().create(key, Map.of("groupId", AttributeValue.fromN("1")), AUTHOR);
        clock.set(Instant.parse("2026-12-07T10:00:00.120Z"));
        rules().replace(key, 1, Map.of("groupId", AttributeValue.fromN("2")), AUTHOR);

        assertThat(audit.history(rules().entity(key), 10)).extracting(AuditEntry::action)
                .containsExactly("update", "create");
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
