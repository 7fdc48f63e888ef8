package dev.hearken.ticket.domain;

import java.util.List;

/** A small rule set shaped like infra/seed/tables/routing-rules.json. */
final class Rules {

    static final long PRIVACY_GROUP = 101;
    static final long LEGAL_GROUP = 102;
    static final long VIP_GROUP = 103;
    static final long PAYMENT_GROUP = 104;
    static final long BILLING_GROUP = 201;
    static final long HOW_TO_GROUP = 204;
    static final long GENERAL_GROUP = 200;

    private Rules() {
    }

    static List<RoutingRule> all() {
        return List.of(
                // deliberately out of order: the router sorts
                new RoutingRule("default", 1000, null, List.of(), List.of(), List.of(), GENERAL_GROUP, List.of("general"), null, false),
                new RoutingRule("privacy", 10, "privacy", List.of(), List.of(), List.of(), PRIVACY_GROUP, List.of("privacy_request"), "high", true),
                new RoutingRule("legal", 20, "legal", List.of(), List.of(), List.of(), LEGAL_GROUP, List.of("legal"), "urgent", false),
                new RoutingRule("vip", 30, "vip", List.of(), List.of(), List.of(), VIP_GROUP, List.of("vip"), "high", false),
                new RoutingRule("payment", 40, "payment", List.of(), List.of(), List.of(), PAYMENT_GROUP, List.of("payment_problem"), "high", false),
                new RoutingRule("subscription-billing", 100, null, List.of("subscription_billing"), List.of(), List.of(), BILLING_GROUP, List.of("billing"), null, true),
                new RoutingRule("how-to", 140, null, List.of("how_to"), List.of("en", "es"), List.of(), HOW_TO_GROUP, List.of("how_to"), null, true),
                new RoutingRule("how-to-other", 141, null, List.of("how_to"), List.of(), List.of(), HOW_TO_GROUP, List.of("how_to"), null, false));
    }
}
