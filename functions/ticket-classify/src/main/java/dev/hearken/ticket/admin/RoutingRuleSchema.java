package dev.hearken.ticket.admin;

import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.ticket.aws.DynamoDbRoutingRules;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.ticket.domain.RoutingRuleCheck;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Routing rules as operators write them ({@code /admin/routing-rules/{ruleId}}): the body becomes the
 * {@link RoutingRule} the worker's router uses, checked by {@link RoutingRuleCheck} (known flags and intents, a
 * positive group, Zendesk-valid tags, never {@code autoReply} for a priority ticket), and is stored by
 * {@link DynamoDbRoutingRules#item} in exactly the shape {@link DynamoDbRoutingRules#rule} reads.
 */
public final class RoutingRuleSchema extends CheckedSchema<RuleBody> {

    public RoutingRuleSchema(JsonBodies bodies) {
        super(bodies, RuleBody.class, "routing-rule", "ruleId");
    }

    @Override
    Map<String, AttributeValue> item(Map<String, String> key, RuleBody rule) {
        if (rule.order() == null) {
            throw new BadRequestException("order", "order is required: rules are tried lowest first");
        }
        String note = AdminText.note(rule.note());
        return DynamoDbRoutingRules.item(RoutingRuleCheck.check(new RoutingRule(key.get("ruleId"), rule.order(),
                rule.flag(), AdminText.list("intents", rule.intents()), AdminText.list("languages", rule.languages()),
                AdminText.list("channels", rule.channels()), rule.groupId(), AdminText.list("tags", rule.tags()),
                rule.priority(), Boolean.TRUE.equals(rule.autoReply()))), note);
    }
}
