package dev.hearken.ticket.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.ticket.admin.RoutingRuleSchema;
import dev.hearken.ticket.admin.RuleBody;
import dev.hearken.ticket.admin.TicketAdmin;
import dev.hearken.ticket.admin.VipSchema;
import dev.hearken.ticket.admin.VipBody;
import dev.hearken.ticket.domain.DecisionHistory;
import dev.hearken.ticket.domain.DecisionLookup;
import dev.hearken.ticket.domain.LoggedDecision;
import dev.hearken.ticket.domain.ReplyRequestMark;
import dev.hearken.ticket.domain.TicketDecisions;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the operator API ({@code admin} export): the audit trail, the routing-rule and VIP collections over their
 * tables, and the decision lookup over the worker's decision log. The bodies Jackson binds and the decisions it
 * writes are registered for reflection for the native build.
 */
@ApplicationScoped
@RegisterForReflection(targets = {RuleBody.class, VipBody.class, TicketDecisions.class, LoggedDecision.class,
        ReplyRequestMark.class})
public class TicketAdminBeans {

    @Produces
    @Singleton
    TicketAdmin ticketAdmin(DynamoDbClient dynamo, TableNames tables, ObjectMapper json, JsonBodies bodies,
            DecisionHistory history, Clock clock) {
        AuditTrail audit = new AuditTrail(dynamo, tables.audit(), json, clock);
        return new TicketAdmin(
                collection(dynamo, tables.routingRules(), new RoutingRuleSchema(bodies), audit),
                collection(dynamo, tables.vip(), new VipSchema(bodies), audit),
                new DecisionLookup(history), audit, clock);
    }

    private static AdminCollection collection(DynamoDbClient dynamo, String table, ItemSchema schema,
            AuditTrail audit) {
        return new AdminCollection(new VersionedItems(dynamo, table, schema.kind(), audit), schema, audit);
    }
}
