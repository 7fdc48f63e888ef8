package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HearkenStackTablesTest {

    private static final String TABLE = "AWS::DynamoDB::Table";

    private final Template template = Templates.hearken();

    @Test
    void the_stack_declares_the_experiment_and_ticket_tables_by_literal_name() {
        template.resourceCountIs(TABLE, 26); // + audit (#16), rate-budgets (#18); + reply-templates, replies, reply-caps, inbound-mail (#6); reviews, review-cursors, review-impact, review-apps (#5); experiment-aggregates, conversions, program-stats (#10); 8 for push (#7)
        template.hasResourceProperties(TABLE, Map.of("TableName", "hearken-experiments"));
        template.hasResourceProperties(TABLE, Map.of("TableName", "hearken-exposures"));
    }

    @Test
    void every_table_is_on_demand_with_point_in_time_recovery_and_aws_managed_encryption() {
        template.allResourcesProperties(TABLE, Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true)));
    }

    @Test
    void every_table_survives_the_deletion_of_the_stack() {
        template.allResources(TABLE, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void experiments_are_keyed_by_experiment_key_and_never_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-experiments",
                "KeySchema", List.of(Map.of("AttributeName", "experimentKey", "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", "experimentKey", "AttributeType", "S")),
                "TimeToLiveSpecification", Match.absent()));
    }

    @Test
    void exposures_are_keyed_by_experiment_and_user_and_expire_at_expires_at() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-exposures",
                "KeySchema", List.of(
                        Map.of("AttributeName", "experimentKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "userId", "KeyType", "RANGE")),
                "AttributeDefinitions", List.of(
                        Map.of("AttributeName", "experimentKey", "AttributeType", "S"),
                        Map.of("AttributeName", "userId", "AttributeType", "S")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void no_table_has_a_secondary_index_until_a_function_queries_one() {
        // The audit trail's byDay index: what changed on a day, across every kind of object (#16); app-api finds a
        // user's items in the tables not keyed by user through a keys-only byUser index (#16).
        assertThat(template.findResources(TABLE, Map.of("Properties",
                Match.objectLike(Map.of("GlobalSecondaryIndexes", Match.anyValue())))).values())
                .extracting(t -> (Object) ((Map<?, ?>) t.get("Properties")).get("TableName"))
                .containsExactlyInAnyOrder("hearken-audit", "hearken-push-deliveries", "hearken-push-segments",
                        "hearken-exposures", "hearken-conversions");
    }
}
