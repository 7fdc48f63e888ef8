package dev.hearken.infra.contexts;

import dev.hearken.infra.HearkenSettings;
import dev.hearken.infra.HearkenSettings.Store;
import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;

/**
 * Auto-reply: consumes the auto-reply queue and answers a request with a canned answer in the user's
 * language, at most once — through Zendesk, a store's reply API or, for mail that came in outside
 * Zendesk, SES.
 *
 * <p>Templates are data (seeded from {@code infra/seed/tables/reply-templates.json}); {@code replies} holds
 * one claim/outcome per request id (the exactly-once memory, expiring after two years); {@code reply-caps}
 * holds per-day counters (Google Play allows 2,000 replies/day/app). Template variants can be experiments,
 * hence the grants on {@link Experiments}' tables. {@code auto-reply-admin} serves the operator API of the
 * templates ({@code /admin/reply-templates}, with a render preview).
 */
public final class AutoReply {

    /** The worker's timeout; the auto-reply queue's visibility timeout is six times it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param queue         the auto-reply queue ({@link TicketClassify#autoReplyQueue()}), consumed here
     * @param zendeskSecret Zendesk's API credentials ({@link TicketClassify#zendeskSecret()})
     * @param experiments   the experiment tables, for template variants
     */
    public AutoReply(StackBase platform, WorkerQueue queue, NamedSecret zendeskSecret, Experiments experiments) {
        DataTable templates = platform.table(DataTableProps.builder("reply-templates", Key.string("templateKey"))
                .sortKey(Key.string("language"))
                .build());
        DataTable replies = platform.table(DataTableProps.builder("replies", Key.string("requestId"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable caps = platform.table(DataTableProps.builder("reply-caps", Key.string("capKey"))
                .ttlAttribute("expiresAt")
                .build());
        // Mail that came in outside Zendesk, one item per inbound message (dev.hearken.reply.InboundMail):
        // the queue carries only the message id, the address and headers live here. Written by the
        // inbound-mail producer (an SES receiving rule; not part of this stack yet), read and marked
        // "auto-replied" by auto-reply; items expire with the producer's retention.
        DataTable inboundMail = platform.table(DataTableProps.builder("inbound-mail", Key.string("messageId"))
                .ttlAttribute("expiresAt")
                .build());
        HearkenFunction worker = platform.function(HearkenFunctionProps.builder("auto-reply")
                .export("reply")
                .timeout(TIMEOUT)
                .build());
        // Small batches and two concurrent pollers: Zendesk allows 100 ticket updates/min per account.
        queue.consumer(worker, ConsumerOptions.builder().batchSize(5).maxConcurrency(2).build());
        // A rate-limited request (or a spent daily cap) waits as a delayed copy on its queue; a request a channel can
        // never accept (4xx) goes straight to the DLQ with its reason as an attribute.
        queue.redeliveredBy(worker);
        templates.grant(worker, "dynamodb:GetItem");
        replies.grant(worker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        caps.grant(worker, "dynamodb:UpdateItem");
        // Read the inbound message, then mark it answered (or flag it for a person) with a conditional update.
        inboundMail.grant(worker, "dynamodb:GetItem", "dynamodb:UpdateItem");
        // Tickets that came by e-mail outside Zendesk are answered by e-mail; replies reach support.
        platform.sendsMail(worker, "support");
        experiments.experiments().grantRead(worker);
        experiments.exposures().grant(worker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        experiments.aggregates().grant(worker, "dynamodb:UpdateItem"); // the library counts first exposures
        zendeskSecret.grantRead(worker, "HEARKEN_ZENDESK_SECRET_ID");
        platform.takesRateBudget(worker);   // the Zendesk account's shared budget
        platform.callsZendesk(worker);
        brand(platform.settings(), worker);
        // The store keys are declared with review-ingest, which comes later; referenced by name here, which
        // grants the secret's partial ARN (the name plus the 6-character suffix Secrets Manager adds).
        String prefix = platform.settings().prefix();
        Map<Store, String> stores = new LinkedHashMap<>();
        stores.put(Store.APP_STORE, "appstore");
        stores.put(Store.GOOGLE_PLAY, "googleplay");
        stores.forEach((store, name) -> {
            if (!platform.settings().enabled(store)) {
                return; // no reviews come from a disabled store, so none is answered there
            }
            worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(Secret.fromSecretNameV2(platform.scope(),
                            "AutoReply" + StackBase.pascal(name) + "Secret", prefix + "/" + name).getSecretArn() + "-??????"))
                    .build());
            worker.addEnvironment("HEARKEN_AUTO_REPLY_" + store.name() + "_SECRET_ID", prefix + "/" + name);
        });

        // The operator API of the catalogue: edit templates (validated as the worker reads them, audited) and
        // preview what a user would get. It reads templates only: no queue, no channel, no experiment tables.
        // It renders with the worker's brand, so that a preview is the worker's text and the length rules hold.
        HearkenFunction admin = platform.function(HearkenFunctionProps.builder("auto-reply-admin")
                .module("functions/auto-reply")
                .export("admin")
                .build());
        brand(platform.settings(), admin);
        platform.administers(admin, templates);
        platform.adminCollection(admin, "/admin/reply-templates", "templateKey", "language");
        platform.route(HttpMethod.POST, "/admin/reply-templates/preview", admin);
    }

    /**
     * The deployment's brand in every reply: {@code {app}} ({@code hearken:appName}), {@code {articleLink}}
     * per reply language ({@code hearken:helpLinks}: {@code default} and one
     * {@code HEARKEN_AUTO_REPLY_ARTICLE_LINKS_<LANG>} per language) and the sender name of e-mail answers.
     */
    private static void brand(HearkenSettings settings, HearkenFunction worker) {
        worker.addEnvironment("HEARKEN_AUTO_REPLY_APP_NAME", settings.appName());
        new TreeMap<>(settings.helpLinks()).forEach((language, link) -> worker.addEnvironment(
                language.equals(HearkenSettings.DEFAULT_LANGUAGE) ? "HEARKEN_AUTO_REPLY_ARTICLE_LINK"
                        : "HEARKEN_AUTO_REPLY_ARTICLE_LINKS_" + HearkenSettings.envName(language), link));
        worker.addEnvironment("HEARKEN_AUTO_REPLY_MAIL_FROM_NAME", settings.mailSenderName());
    }
}
