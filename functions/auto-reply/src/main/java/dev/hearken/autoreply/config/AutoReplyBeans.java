package dev.hearken.autoreply.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.aws.DynamoDbDailyCaps;
import dev.hearken.autoreply.aws.DynamoDbInboundMail;
import dev.hearken.autoreply.aws.DynamoDbReplyLedger;
import dev.hearken.autoreply.aws.DynamoDbReplyTemplates;
import dev.hearken.autoreply.aws.ExperimentVariantPicker;
import dev.hearken.autoreply.domain.ArticleLinks;
import dev.hearken.autoreply.aws.ReplyTemplateSchema;
import dev.hearken.autoreply.aws.TemplatePreviews;
import dev.hearken.autoreply.domain.ReplyPreview;
import dev.hearken.autoreply.domain.TemplateRules;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.config.TableNames;
import dev.hearken.autoreply.domain.AutoReplyService;
import dev.hearken.autoreply.domain.Guardrails;
import dev.hearken.autoreply.domain.MailAddress;
import dev.hearken.autoreply.domain.ReplyComposer;
import dev.hearken.autoreply.domain.ReplySettings;
import dev.hearken.autoreply.domain.ReviewDesk;
import dev.hearken.autoreply.store.AppStoreReviewDesk;
import dev.hearken.autoreply.store.GooglePlayReviewDesk;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.appstore.AppStoreConnectClient;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayClient;
import dev.hearken.autoreply.mail.MimeReply;
import dev.hearken.autoreply.mail.SesMailDesk;
import dev.hearken.autoreply.template.QuteRenderer;
import dev.hearken.autoreply.zendesk.ZendeskReplyDesk;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.integrations.zendesk.ZendeskClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ses.SesClient;

/** Wires the auto-reply domain to DynamoDB, Zendesk, the two stores, SES and the experiment library. */
@ApplicationScoped
public class AutoReplyBeans {

    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * The stores' HTTP: their contracts' timeouts (2 s to connect, 8 s per call) and, after a 429 without
     * Retry-After, 5 minutes — App Store Connect documents none (its budget is hourly), Google's is optional.
     */
    private static final Duration STORE_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration STORE_BACKOFF = Duration.ofMinutes(5);

    @Produces
    @Singleton
    AppStoreReviewDesk appStore(AutoReplyConfig config, SecretReader storeSecrets, ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-client.appstore.url") URI baseUrl) {
        return new AppStoreReviewDesk(new AppStoreConnectClient(baseUrl, storeHttp(), json, STORE_TIMEOUT, storeSecrets,
                config.appStoreSecretId(), STORE_BACKOFF, CLOCK));
    }

    @Produces
    @Singleton
    GooglePlayReviewDesk googlePlay(AutoReplyConfig config, SecretReader storeSecrets, ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-client.googleplay.url") URI baseUrl) {
        HttpClient http = storeHttp();
        GoogleAccessTokens tokens = new GoogleAccessTokens(storeSecrets, config.googlePlaySecretId(),
                Optional.of(URI.create(config.googleTokenUri())), http, json, STORE_TIMEOUT, Duration.ofMinutes(1), CLOCK);
        return new GooglePlayReviewDesk(new GooglePlayClient(baseUrl, http, json, STORE_TIMEOUT, tokens, STORE_BACKOFF));
    }

    private static HttpClient storeHttp() {
        return HttpClient.newBuilder().connectTimeout(STORE_CONNECT_TIMEOUT).build();
    }

    @Produces
    @Singleton
    SesMailDesk mail(AutoReplyConfig config, DynamoDbClient dynamo, SesClient ses) {
        AutoReplyConfig.Mail mail = config.mail();
        return new SesMailDesk(new DynamoDbInboundMail(dynamo, mail.inboundTable()), ses,
                new MimeReply.Sender(mail.from(), mail.fromName(), mail.replyTo().orElse(mail.from())), CLOCK);
    }

    @Produces
    @Singleton
    AuditTrail auditTrail(DynamoDbClient dynamo, TableNames tables, ObjectMapper json) {
        return new AuditTrail(dynamo, tables.audit(), json, CLOCK);
    }

    /** The catalogue as the operator API edits it: entries checked by the worker's rules before they are stored. */
    @Produces
    @Singleton
    AdminCollection replyTemplates(AutoReplyConfig config, DynamoDbClient dynamo, AuditTrail audit) {
        ReplyTemplateSchema schema = new ReplyTemplateSchema(
                new TemplateRules(new QuteRenderer(), config.appName(), settings(config).articleLinks()));
        return new AdminCollection(new VersionedItems(dynamo, config.templatesTable(), schema.kind(), audit), schema,
                audit);
    }

    @Produces
    @Singleton
    TemplatePreviews templatePreviews(AutoReplyConfig config, AdminCollection replyTemplates) {
        return new TemplatePreviews(replyTemplates.items(), new ReplyPreview(new QuteRenderer(), settings(config)));
    }

    @Produces
    @Singleton
    AutoReplyService autoReplyService(AutoReplyConfig config, DynamoDbClient dynamo,
            ZendeskClient zendesk, AssignmentService assignments,
            AppStoreReviewDesk appStore, GooglePlayReviewDesk googlePlay, SesMailDesk mail) {
        ReplyComposer composer = new ReplyComposer(
                new DynamoDbReplyTemplates(dynamo, config.templatesTable(), config.templateCacheTtl()),
                new QuteRenderer(),
                new ExperimentVariantPicker(assignments));
        Set<String> blockedTags = new HashSet<>(Guardrails.DEFAULT_BLOCKED_TAGS);
        config.blockedTags().ifPresent(blockedTags::addAll);
        Set<String> ownDomains = new HashSet<>(config.mail().ownDomains().orElse(List.of()));
        ownDomains.add(MailAddress.domain(config.mail().from()));
        Guardrails guardrails = new Guardrails(blockedTags, Set.copyOf(config.blockedGroups().orElse(List.of())),
                Set.copyOf(config.blockedPriorities()), ownDomains);
        ReplySettings settings = settings(config);
        return new AutoReplyService(composer,
                new DynamoDbReplyLedger(dynamo, config.repliesTable(), config.retention()),
                new DynamoDbDailyCaps(dynamo, config.capsTable()),
                new ZendeskReplyDesk(zendesk),
                List.<ReviewDesk>of(appStore, googlePlay), mail,
                guardrails, settings, CLOCK);
    }

    private static ReplySettings settings(AutoReplyConfig config) {
        return new ReplySettings(
                Map.of("googleplay", config.googlePlayDailyCap(), "appstore", config.appStoreDailyCap(),
                        "zendesk", config.zendeskDailyCap(), "email", config.mail().dailyCap()), config.appName(),
                new ArticleLinks(config.articleLink(), config.articleLinks()),
                config.ticketStatus(), Set.copyOf(config.ticketTags()), config.claimLease());
    }
}
