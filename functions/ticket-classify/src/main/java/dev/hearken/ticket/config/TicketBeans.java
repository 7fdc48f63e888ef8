package dev.hearken.ticket.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.sqs.SqsReplyQueue;
import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import dev.hearken.ticket.domain.ClassificationService;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.ReplyPolicy;
import dev.hearken.ticket.domain.RoutingRules;
import dev.hearken.ticket.domain.TextAnalyzer;
import dev.hearken.ticket.domain.TicketComments;
import dev.hearken.ticket.domain.TicketDesk;
import dev.hearken.ticket.domain.VipDirectory;
import dev.hearken.understanding.Understanding;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
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
@RegisterForReflection(targets = AutoReplyRequest.class)
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
            VipDirectory vips, RoutingRules rules, DecisionLog log, ReplyQueue replies, TicketSettings settings) {
        TextAnalyzer analyzer = understanding::analyze;
        return new ClassificationService(desk, comments, analyzer, vips, rules, log, replies,
                new ReplyPolicy(settings.autoReplyThreshold(), settings.autoReplyIntents()),
                settings.spamAction(),
                settings.vipOrganizationTags().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                Clock.systemUTC());
    }

    /** The hand-over to auto-reply: the {@code auto-reply} queue ({@code HEARKEN_QUEUES_AUTO_REPLY}). */
    @Produces
    @Singleton
    ReplyQueue replyQueue(SqsClient sqs, QueueUrls urls, ObjectMapper json) {
        return new SqsReplyQueue(sqs, () -> urls.autoReply().filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalStateException("hearken.queues.auto-reply is not configured")), json);
    }

    /** Returns a rate-limited tickets message to its queue after Retry-After. */
    @Produces
    @Singleton
    @Named("tickets")
    SqsVisibility ticketsVisibility(SqsClient sqs, QueueUrls urls) {
        return new SqsVisibility(sqs, () -> urls.tickets().orElse(null));
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
