package dev.hearken.autoreply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of auto-reply ({@code hearken.auto-reply.*}; environment {@code HEARKEN_AUTO_REPLY_*}). */
@ConfigMapping(prefix = "hearken.auto-reply")
public interface AutoReplyConfig {

    /** Reply templates table (CDK sets {@code HEARKEN_TABLES_REPLY_TEMPLATES}). */
    @WithDefault("${hearken.tables.reply-templates:hearken-reply-templates}")
    String templatesTable();

    /** Claims and outcomes, one item per request id (CDK sets {@code HEARKEN_TABLES_REPLIES}). */
    @WithDefault("${hearken.tables.replies:hearken-replies}")
    String repliesTable();

    /** Daily counters (CDK sets {@code HEARKEN_TABLES_REPLY_CAPS}). */
    @WithDefault("${hearken.tables.reply-caps:hearken-reply-caps}")
    String capsTable();

    /** How long a template read from the table is reused by a warm instance. */
    @WithDefault("60s")
    Duration templateCacheTtl();

    /** How long claims and outcomes are kept (TTL): longer than any producer could re-send. */
    @WithDefault("730d")
    Duration retention();

    /** How long a claim without an outcome belongs to its attempt; more than the function timeout (30 s). */
    @WithDefault("120s")
    Duration claimLease();

    /** Google Play replies per app per UTC day: the API allows 2,000 (reviews.reply quota). */
    @WithDefault("2000")
    int googlePlayDailyCap();

    /** App Store Connect responses per app per UTC day (Apple documents an hourly budget of ~3,600 requests). */
    @WithDefault("2000")
    int appStoreDailyCap();

    /** Zendesk replies per UTC day for the account (Zendesk allows 100 ticket updates/min). */
    @WithDefault("20000")
    int zendeskDailyCap();

    /** The app's display name ({app} placeholder); the CDK stack sets it from {@code hearken:appName}. */
    @WithDefault("Hearken")
    String appName();

    /**
     * Help-centre link ({articleLink} placeholder) of a reply whose language has none in {@link #articleLinks()};
     * the CDK stack sets it from the {@code default} entry of {@code hearken:helpLinks}.
     */
    @WithDefault("https://help.example.com")
    String articleLink();

    /**
     * Help-centre link per reply language, {@code hearken.auto-reply.article-links.<language>} (environment
     * {@code HEARKEN_AUTO_REPLY_ARTICLE_LINKS_DE}; keys are ISO 639 codes, since an environment variable
     * cannot carry the '-' of {@code pt-BR}). A reply in {@code pt-BR} uses {@code pt}'s link, else
     * {@link #articleLink()}. The CDK stack sets them from {@code hearken:helpLinks}.
     */
    Map<String, String> articleLinks();

    /** Status a ticket gets with the reply: pending = waiting for the requester. */
    @WithDefault("pending")
    String ticketStatus();

    /** Tags added with a reply (besides the hearken_auto_replied marker). */
    @WithDefault("auto_replied")
    List<String> ticketTags();

    /** Tags that forbid an automatic reply (priority, VIP, privacy, legal …). */
    Optional<List<String>> blockedTags();

    /** Zendesk group ids whose tickets are never auto-answered. */
    Optional<List<Long>> blockedGroups();

    /** Ticket priorities never auto-answered. */
    @WithDefault("urgent,high")
    List<String> blockedPriorities();

    /** App Store Connect: Secrets Manager id of {@code {"issuerId","keyId","privateKey"}} (shared with review-ingest). */
    @WithDefault("hearken/appstore")
    String appStoreSecretId();

    /** Google Play: Secrets Manager id of the service-account key file (shared with review-ingest). */
    @WithDefault("hearken/googleplay")
    String googlePlaySecretId();

    /** Google's OAuth token endpoint, the {@code aud} of the service-account assertion. */
    @WithDefault("${quarkus.rest-client.google-oauth.url}/token")
    String googleTokenUri();

    /** E-mail answers to messages that came by e-mail outside Zendesk (SES). */
    Mail mail();

    interface Mail {
        /** The From address, on the SES identity (CDK sets {@code HEARKEN_MAIL_FROM}). */
        @WithDefault("${hearken.mail-from:support@mail.hearken.example}")
        String from();

        /** The From display name. */
        @WithDefault("Hearken Support")
        String fromName();

        /** Where answers to our answers go (a mailbox people read); the From address when unset. */
        Optional<String> replyTo();

        /** Domains whose mail is never answered (loops); the From address's domain always is. */
        Optional<List<String>> ownDomains();

        /** The inbound-mail table (CDK sets {@code HEARKEN_TABLES_INBOUND_MAIL}). */
        @WithDefault("${hearken.tables.inbound-mail:hearken-inbound-mail}")
        String inboundTable();

        /**
         * E-mail answers per app per UTC day; well inside an SES production account's 24-hour quota, so
         * the CRM mail of push-send keeps its share.
         */
        @WithDefault("10000")
        int dailyCap();
    }
}
