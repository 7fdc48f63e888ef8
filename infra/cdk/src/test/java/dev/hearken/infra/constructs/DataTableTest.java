package dev.hearken.infra.constructs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.infra.HearkenSettings;
import dev.hearken.infra.Templates;
import dev.hearken.infra.constructs.DataTableProps.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class DataTableTest {

    @Test
    void a_table_with_indexes_declares_them_projecting_all_attributes_under_the_context_prefix() {
        Stack stack = new Stack(Templates.app(Map.of(HearkenSettings.PREFIX, "acme")), "TableStack");
        new DataTable(stack, "Reviews", DataTableProps.builder("reviews", Key.string("reviewId"))
                .index("byApp", Key.string("appId"), Key.number("createdAt"))
                .build());

        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "acme-reviews",
                "BillingMode", "PAY_PER_REQUEST",
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", "byApp",
                        "KeySchema", List.of(
                                Map.of("AttributeName", "appId", "KeyType", "HASH"),
                                Map.of("AttributeName", "createdAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")))));
    }

    @Test
    void a_prefix_that_would_make_invalid_physical_names_is_rejected() {
        Stack stack = new Stack(Templates.app(Map.of(HearkenSettings.PREFIX, "Acme_Prod")), "BadPrefixStack");

        assertThatThrownBy(() -> new DataTable(stack, "T", DataTableProps.builder("t", Key.string("id")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hearken:prefix");
    }
}
