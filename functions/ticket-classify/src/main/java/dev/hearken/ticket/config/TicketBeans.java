package dev.hearken.ticket.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.sqs.SqsRecordHandler;
import dev.hearken.aws.sqs.SqsReplyQueue;
import dev.hearken.aws.config.WaitingSettings;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import dev.hearken.ticket.domain.ClassificationService;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.ReplyPolicy;
import dev.hearken.ticket.domain.RoutingRules;
import dev.hearken.ticket.domain.TextAnalyzer;
import dev.hearken.ticket.domain.TicketComments;
import dev.hearken.ticket.domain.TicketDesk;
import dev.hearken.ticket.domain.TicketEvent;
import dev.hearken.ticket.domain.VipDirectory;
import dev.hearken.ticket.zendesk.WebhookPayloads;
import dev.hearken.understanding.Understanding;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the worker's domain service to its adapters; one instance of each per function instance.
 * {@link AutoReplyRequest} is serialised with Jackson by hand (not through a REST type Quarkus sees),
 * so it is registered for reflection for the native build.
 */
@ApplicationScoped
@RegisterForReflection(targets = {AutoReplyRequest.class, WebhookPayloads.Delivery.class, WebhookPayloads.Detail.class,
        WebhookPayloads.Via.class, WebhookPayloads.Event.class, WebhookPayloads.Comment.class})
public class TicketBeans {

    private static final Logger LOG = Logger.getLogger(TicketBeans.class);

    /**
     * The understanding pipeline: about 1 s and 130 MB to load, so once per process. The webhook
     * function never touches it, so it is created lazily there.
     */
    @Produces
    @Singleton
    Understanding understanding() {
        long start = System.nanoTime();
        Understanding understanding = Understanding.load();
        LOG.infof("understanding models %s loaded in %d ms", understanding.modelVersion(),
                (System.nanoTime() - start) / 1_000_000);
        return understanding;
    }

    @Produces
    @Singleton
    ClassificationService classificationService(TicketDesk desk, TicketComments comments, Understanding understanding,
            VipDirectory vips, RoutingRules rules, DecisionLog log, ReplyQueue replies, TicketSettings settings,
            Clock clock) {
        TextAnalyzer analyzer = understanding::analyze;
        return new ClassificationService(desk, comments, analyzer, vips, rules, log, replies,
                new ReplyPolicy(settings.autoReplyThreshold(), settings.autoReplyIntents()),
                settings.spamAction(),
                settings.vipOrganizationTags().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                settings.waitingRule(), clock);
    }

    /** The one clock of the module (UTC): the webhook's signature window, the worker's decisions and their log read it. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The hand-over to auto-reply: the {@code auto-reply} queue ({@code HEARKEN_QUEUES_AUTO_REPLY}). */
    @Produces
    @Singleton
    ReplyQueue replyQueue(SqsClient sqs, QueueUrls urls, ObjectMapper json) {
        return new SqsReplyQueue(sqs, () -> urls.autoReply().filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalStateException("hearken.queues.auto-reply is not configured")), json);
    }

    /**
     * The worker's records: the enqueued webhook body, classified; a 429 re-sends it to the tickets queue after
     * Retry-After ({@link SqsRedelivery}), and a ticket that waited longer than {@code hearken.waiting.max-age} is
     * tagged for people ({@link ClassificationService#waitedTooLong}). The service (and its models) is only created
     * when a record arrives.
     */
    @Produces
    @Singleton
    SqsRecordHandler<TicketEvent, ClassificationService.Outcome> tickets(WebhookPayloads payloads,
            Instance<ClassificationService> classification, SqsClient sqs, QueueUrls urls, WaitingSettings waiting,
            Clock clock) {
        return new SqsRecordHandler<>("ticket",
                new SqsRedelivery(sqs, () -> urls.tickets().orElse(null), () -> urls.ticketsDlq().orElse(null),
                        waiting, clock),
                payloads::parse, event -> classification.get().handle(event),
                (event, outcome) -> "ticket " + event.ticketId() + " (" + event.kind() + "): " + outcome,
                (event, wait) -> classification.get().waitedTooLong(event, wait.attempts(), wait.since()));
    }

    /**
     * The worker loads its models during Lambda's init phase (which runs with a full CPU and is not
     * billed against the first message's timeout) rather than on the first message.
     */
    void loadModelsAtStartup(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.funqy.export") Optional<String> export, Instance<Understanding> understanding) {
        if (export.filter("classify"::equals).isPresent()) {
            understanding.get().modelVersion();
        }
    }
}
