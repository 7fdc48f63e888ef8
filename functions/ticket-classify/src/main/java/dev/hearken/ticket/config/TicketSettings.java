package dev.hearken.ticket.config;

import dev.hearken.ticket.domain.SpamAction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** How the worker decides. */
@ConfigMapping(prefix = "hearken.tickets")
public interface TicketSettings {

    /** Minimum intent confidence for a ticket to be handed to auto-reply. */
    @WithDefault("0.6")
    double autoReplyThreshold();

    /** Intents auto-reply has canned answers for (labels as in {@code dev.hearken.understanding.Intent#label()}). */
    @WithDefault("dummy,subscription_billing,how_to")
    Set<String> autoReplyIntents();

    /** What to do with spam: {@code tag} (default, agents decide), {@code mark-as-spam}, or {@code close}. */
    @WithDefault("tag")
    SpamAction spamAction();

    /** Zendesk organization tags that make every member a VIP (besides the VIP table). */
    @WithDefault("vip,enterprise")
    Set<String> vipOrganizationTags();

    /** How long decisions are kept in the decision log (DynamoDB TTL). */
    @WithDefault("400d")
    Duration decisionRetention();

    /**
     * The routing rule whose group gets a ticket that waited longer than {@code hearken.waiting.max-age} for Zendesk
     * (tagged {@code hearken_waiting_too_long}, unclassified): the seed's catch-all {@code default} rule.
     */
    @WithDefault("default")
    String waitingRule();

    /** How long a warm worker uses its cached routing rules before reading the table again. */
    @WithDefault("60s")
    Duration rulesCacheTtl();
}
