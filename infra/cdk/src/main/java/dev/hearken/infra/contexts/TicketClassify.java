package dev.hearken.infra.contexts;

import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.time.Duration;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;

/**
 * Zendesk tickets: the webhook ({@code POST /webhooks/zendesk}) verifies and enqueues (a fast 202), the
 * worker classifies, routes and hands answerable tickets to auto-reply behind the tickets queue. One
 * artifact, {@code functions/ticket-classify}, two exports.
 *
 * <p>It declares what other contexts share with it: the Zendesk secret (auto-reply and review-escalate
 * call Zendesk too), the routing rules (review-escalate routes with them) and the auto-reply queue, the
 * hand-off to {@link AutoReply} that review-ingest also produces to.
 */
public final class TicketClassify {

    private final DataTable ticketDecisions;
    private final DataTable routingRules;
    private final DataTable vip;
    private final NamedSecret zendeskSecret;
    private final WorkerQueue autoReplyQueue;

    public TicketClassify(StackBase platform) {
        this.ticketDecisions = platform.table(DataTableProps.builder("ticket-decisions", Key.string("ticketId"))
                .sortKey(Key.string("eventKey"))
                .ttlAttribute("expiresAt")
                .build());
        this.routingRules = platform.table(DataTableProps.builder("routing-rules", Key.string("ruleId")).build());
        this.vip = platform.table(DataTableProps.builder("vip", Key.string("vipKey")).build());
        // Webhook signing secret and API credentials, as one JSON object. No value is in the template:
        // CloudFormation generates a throwaway signing secret and empty credentials, an operator puts
        // Zendesk's real ones (see functions/ticket-classify/README.md).
        this.zendeskSecret = platform.generatedSecret("ZendeskSecret", "zendesk",
                "Zendesk webhook signing secret and API token (JSON: webhookSigningSecret, apiEmail, apiToken)",
                SecretStringGenerator.builder()
                        .secretStringTemplate("{\"apiEmail\":\"\",\"apiToken\":\"\"}")
                        .generateStringKey("webhookSigningSecret")
                        .excludePunctuation(true)
                        .build());
        HearkenFunction webhook = platform.function(HearkenFunctionProps.builder("ticket-webhook")
                .module("functions/ticket-classify")
                .export("webhook")
                .build());
        HearkenFunction worker = platform.function(HearkenFunctionProps.builder("ticket-classify")
                .export("classify")
                // ~130 MB of language models, and memory buys the CPU their loading needs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        WorkerQueue tickets = platform.queue(WorkerQueueProps.builder("tickets", worker.timeout()).build());
        tickets.grantSend(webhook);
        tickets.consumer(worker, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());
        // A rate-limited ticket waits as a delayed copy on its queue; one given up goes to the DLQ with its reason.
        tickets.redeliveredBy(worker);
        this.autoReplyQueue = platform.queue(WorkerQueueProps.builder("auto-reply", AutoReply.TIMEOUT).build());
        autoReplyQueue.grantSend(worker);
        platform.callsZendesk(worker);
        for (HearkenFunction f : List.of(webhook, worker)) {
            zendeskSecret.grantRead(f, "HEARKEN_ZENDESK_SECRET_ID");
        }
        platform.takesRateBudget(worker);   // the Zendesk account's shared budget
        ticketDecisions.grant(worker, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        routingRules.grantRead(worker);
        vip.grant(worker, "dynamodb:GetItem", "dynamodb:BatchGetItem");
        platform.webhook("/webhooks/zendesk", webhook);
    }

    /**
     * The operator API of this context, {@code hearken-ticket-admin} (export {@code admin} of the same artifact),
     * behind IAM-authorised routes: the collections {@code /admin/routing-rules/{ruleId}} and
     * {@code /admin/vips/{vipKey}} (versioned writes, each audited), {@code GET /admin/tickets/{ticketId}/decisions}
     * (the worker's decision log, read-only) and {@code GET /admin/audit} (the audit trail by day, across every
     * context's objects). Declared apart from the constructor so that the stack can add it after every context that
     * existed before it ({@code HearkenStack}: the composition order is part of the template).
     */
    public void operatorApi(StackBase platform) {
        HearkenFunction admin = platform.function(HearkenFunctionProps.builder("ticket-admin")
                .module("functions/ticket-classify")
                .export("admin")
                .build());
        platform.administers(admin, routingRules, vip);
        platform.adminCollection(admin, "/admin/routing-rules", "ruleId");
        platform.adminCollection(admin, "/admin/vips", "vipKey");
        ticketDecisions.grant(admin, "dynamodb:Query");
        platform.route(HttpMethod.GET, "/admin/tickets/{ticketId}/decisions", admin);
        platform.route(HttpMethod.GET, "/admin/audit", admin);
    }

    /** Rules that pick a ticket's group and priority. */
    public DataTable routingRules() {
        return routingRules;
    }

    /** Zendesk's webhook signing secret and API credentials; every function that calls Zendesk reads it. */
    public NamedSecret zendeskSecret() {
        return zendeskSecret;
    }

    /** Reply requests for auto-reply, sized for {@link AutoReply#TIMEOUT}; producers call {@code grantSend}. */
    public WorkerQueue autoReplyQueue() {
        return autoReplyQueue;
    }
}
