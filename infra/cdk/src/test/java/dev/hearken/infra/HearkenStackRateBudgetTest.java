package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The shared rate budgets (#18): one table of expiring counters, which exactly the functions that call Zendesk may
 * update — and do nothing else with.
 */
class HearkenStackRateBudgetTest {

    private final Template template = Templates.hearken();

    @Test
    void the_budget_table_is_keyed_by_budget_and_its_counters_expire() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "hearken-rate-budgets",
                "KeySchema", List.of(Map.of("AttributeName", "budgetKey", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void exactly_the_functions_that_call_zendesk_may_take_from_the_budgets_and_only_with_update_item() {
        Map<String, Object> statement = Map.of("Action", "dynamodb:UpdateItem", "Effect", "Allow",
                "Resource", List.of(arnOf(table("hearken-rate-budgets"))));
        var policies = template.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(statement)))))));

        assertThat(policies.values()).extracting(p -> ((Map<?, ?>) p.get("Properties")).get("Roles").toString())
                .containsExactlyInAnyOrder(
                        List.of(Map.of("Ref", role("hearken-ticket-classify"))).toString(),
                        List.of(Map.of("Ref", role("hearken-auto-reply"))).toString(),
                        List.of(Map.of("Ref", role("hearken-review-escalate"))).toString());
    }
}
