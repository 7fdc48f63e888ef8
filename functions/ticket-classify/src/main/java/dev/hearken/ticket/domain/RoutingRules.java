package dev.hearken.ticket.domain;

import java.util.List;

/** Where the routing rules live (a DynamoDB table seeded from a versioned file). */
public interface RoutingRules {

    /** Every rule, in any order. */
    List<RoutingRule> all();
}
