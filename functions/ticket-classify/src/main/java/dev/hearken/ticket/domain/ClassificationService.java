package dev.hearken.ticket.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Handles one ticket delivery: read the ticket, understand it, route it, update it without
 * clobbering agents, log the decision and hand eligible tickets to auto-reply.
 *
 * <p>Idempotent step by step ({@link DecisionLog.Stage}): a delivery already {@code DONE} is skipped;
 * a retry after a crash re-reads the ticket and writes only what is still missing
 * ({@link TicketChange#against} returns nothing when the ticket already looks right); the auto-reply
 * request is sent at most once per ticket unless a crash falls between sending and recording it, and
 * then the consumer drops the duplicate by its {@code requestId}.
 *
 * <p>A comment added to an existing ticket ({@link TicketEvent#isCommentAdded()}) is a follow-up: only
 * an end-user's words are analysed (an agent's or Hearken's own comment is logged and ignored). A
 * follow-up that raises a priority flag the ticket does not carry yet (privacy, legal, payment, or a
 * requester who is VIP now) routes the ticket with the same {@link Router} over the union of its
 * flags: the flags the description and earlier follow-ups raised are the {@code hearken_<flag>} tags
 * on the ticket ({@link Flag#recordedIn}), so a follow-up never lowers anything. It adds the tags,
 * including {@value Router#PRIORITY_TAG}, raises the priority, and moves the ticket to the group of
 * the deciding flag if the ticket was not routed for that flag yet (otherwise an agent's choice of
 * group stands). The {@value Router#PRIORITY_TAG} tag is what cancels a pending automatic reply:
 * auto-reply re-reads the ticket before answering and skips tickets carrying it. A follow-up without
 * a new flag changes nothing and is logged. Follow-ups never request an automatic reply.
 *
 * <p>New tickets take the recorded flags into account too, so a follow-up handled before its
 * ticket's creation event (SQS does not keep order) is not undone by it.
 *
 * <p>Rate limits ({@link RateLimitedException}) and other failures propagate: the caller re-sends a rate-limited
 * message to wait, and fails the record for anything else. A delivery that waited longer than the bound is handed to
 * people unclassified ({@link #waitedTooLong}).
 */
public final class ClassificationService {

    /** Attempts of a safe update before giving the message back to the queue. */
    static final int MAX_UPDATE_ATTEMPTS = 3;

    /** The tag of a ticket that waited longer than the bound for Zendesk and was handed to people unclassified. */
    public static final String WAITING_TAG = "hearken_waiting_too_long";

    private final TicketDesk desk;
    private final TicketComments comments;
    private final TextAnalyzer analyzer;
    private final VipDirectory vips;
    private final RoutingRules rules;
    private final DecisionLog log;
    private final ReplyQueue replies;
    private final Router router = new Router();
    private final ReplyPolicy replyPolicy;
    private final SpamAction spamAction;
    private final Set<String> vipOrganizationTags;
    private final String waitingRule;
    private final Clock clock;

    public ClassificationService(TicketDesk desk, TicketComments comments, TextAnalyzer analyzer, VipDirectory vips,
            RoutingRules rules, DecisionLog log, ReplyQueue replies, ReplyPolicy replyPolicy, SpamAction spamAction,
            Set<String> vipOrganizationTags, String waitingRule, Clock clock) {
        this.desk = desk;
        this.comments = comments;
        this.analyzer = analyzer;
        this.vips = vips;
        this.rules = rules;
        this.log = log;
        this.replies = replies;
        this.replyPolicy = replyPolicy;
        this.spamAction = spamAction;
        this.vipOrganizationTags = vipOrganizationTags;
        this.waitingRule = waitingRule;
        this.clock = clock;
    }

    /** What happened to a delivery. */
    public enum Outcome {
        /** A ticket was classified and routed (a new ticket, a trigger delivery, a ticket event other than a comment). */
        CLASSIFIED,
        /** This delivery was handled before: nothing done. */
        DUPLICATE,
        /** An end-user's follow-up raised a new priority flag: tagged, priority raised, routed to people. */
        REROUTED,
        /** A follow-up without a new priority flag: logged, nothing changed. */
        UNCHANGED,
        /** A comment by an agent or by Hearken itself: logged, not analysed. */
        IGNORED
    }

    public Outcome handle(TicketEvent event) {
        DecisionLog.Stage stage = log.stage(event.ticketId(), event.eventKey());
        if (stage == DecisionLog.Stage.DONE) {
            return Outcome.DUPLICATE;
        }
        if (event.isCommentAdded()) {
            return followUp(event, stage);
        }
        Ticket ticket = desk.ticket(event.ticketId());
        Requester requester = ticket.requesterId() == null ? null : desk.requester(ticket.requesterId());
        Long orgId = ticket.organizationId() != null ? ticket.organizationId()
                : requester == null ? null : requester.organizationId();
        Organization organization = orgId == null ? null : desk.organization(orgId);

        String locale = requester != null && requester.locale() != null ? requester.locale() : event.localeHint();
        Analysis analysis = analyzer.analyze(Input.ticket(ticket.subject(), ticket.description(), locale));
        Facts facts = facts(analysis, ticket, event, requester, organization, orgId);
        Route route = router.route(facts, rules.all());
        ReplyPolicy.Verdict verdict = replyPolicy.judge(facts, route);

        if (stage == DecisionLog.Stage.NONE || stage == DecisionLog.Stage.DECIDED) {
            log.decided(decision(event, ticket, analysis, facts, route, verdict));
            apply(ticket, change(route));
            log.updated(event.ticketId(), event.eventKey());
        }
        if (verdict.eligible() && !log.replyRequested(event.ticketId())) {
            replies.send(AutoReplyRequest.of("zendesk", Long.toString(ticket.id()), facts.language(), locale == null
                    ? null : locale, facts.intent(), facts.intentConfidence(), clock.instant().toString(),
                    analysis.modelVersion()));
            log.replyRequestedNow(event.ticketId(), event.eventKey());
        }
        log.done(event.ticketId(), event.eventKey());
        return Outcome.CLASSIFIED;
    }

    /**
     * A delivery that waited longer than the bound for Zendesk (rate limits): the ticket is handed to people as it is —
     * tagged {@value #WAITING_TAG} and moved to the group of the configured catch-all rule, unless an agent already
     * moved it — without classifying it, and the decision log says so; the delivery is then done. Throws when Zendesk
     * still refuses (the caller moves the message to the DLQ with the reason, whose alarm is the alert).
     *
     * @param waits how many times the delivery waited
     * @param since when it was first put on the queue
     */
    public void waitedTooLong(TicketEvent event, int waits, java.time.Instant since) {
        Ticket ticket = desk.ticket(event.ticketId());
        Long group = rules.all().stream().filter(r -> r.ruleId().equals(waitingRule)).findFirst()
                .map(RoutingRule::groupId).orElse(null);
        List<String> reasons = List.of("waiting: rate limited by Zendesk " + waits + " times since " + since
                + ": handed to people unclassified, tag " + WAITING_TAG
                + (group == null ? " (no rule " + waitingRule + ": group kept)" : ", group of rule " + waitingRule));
        Route route = new Route(waitingRule, group, List.of(WAITING_TAG), null, false, false, reasons);
        log.decided(new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), null, 0, null, 0, null, 0, 0,
                Set.of(), route, false, "waited too long: left to people", reasons, null, clock.instant()));
        apply(ticket, new TicketChange(group, List.of(WAITING_TAG), null, null));
        log.updated(event.ticketId(), event.eventKey());
        log.done(event.ticketId(), event.eventKey());
    }

    private Facts facts(Analysis analysis, Ticket ticket, TicketEvent event, Requester requester,
            Organization organization, Long orgId) {
        Facts read = Facts.of(analysis, channel(ticket, event), isVip(requester, organization, orgId));
        // What follow-ups already raised stays raised, whatever order the deliveries come in.
        return withFlags(read, union(read.flags(), Flag.recordedIn(ticket.tags())));
    }

    private boolean isVip(Requester requester, Organization organization, Long orgId) {
        boolean vipOrg = organization != null && organization.tags().stream()
                .anyMatch(t -> vipOrganizationTags.contains(t.toLowerCase(Locale.ROOT)));
        return vipOrg || (requester != null && vips.isVip(requester, orgId));
    }

    private static String channel(Ticket ticket, TicketEvent event) {
        return ticket.channel() != null ? ticket.channel() : event.channel();
    }

    private static Facts withFlags(Facts facts, Set<Flag> flags) {
        return new Facts(facts.language(), facts.intent(), facts.intentConfidence(), facts.channel(), facts.spam(), flags);
    }

    // ---- follow-ups: a comment added to an existing ticket ----

    private Outcome followUp(TicketEvent event, DecisionLog.Stage stage) {
        Ticket ticket = desk.ticket(event.ticketId());
        TicketComment comment = commentOf(event);
        List<String> reasons = new ArrayList<>();
        reasons.add("follow-up: comment " + comment.id() + " by user " + comment.authorId()
                + (comment.isPublic() ? " (public)" : " (internal note)"));
        CommentAuthor author = comments.author(comment.authorId());
        if (author == CommentAuthor.AGENT || author == CommentAuthor.HEARKEN) {
            reasons.add("follow-up: ignored, " + (author == CommentAuthor.HEARKEN
                    ? "written by Hearken itself (its API user)" : "written by an agent")
                    + ": only end-users' words are analysed");
            record(event, stage, new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), null, 0, null,
                    0, null, 0, 0, Set.of(), noRoute(), false, "follow-up: not an end-user's comment", reasons, null,
                    clock.instant()), null, ticket);
            return Outcome.IGNORED;
        }
        if (author == CommentAuthor.UNKNOWN) {
            reasons.add("follow-up: author unknown to Zendesk: analysed as an end-user's, to be safe");
        }

        Requester requester = ticket.requesterId() == null ? null : desk.requester(ticket.requesterId());
        Long orgId = ticket.organizationId() != null ? ticket.organizationId()
                : requester == null ? null : requester.organizationId();
        Organization organization = orgId == null ? null : desk.organization(orgId);
        String locale = requester != null && requester.locale() != null ? requester.locale() : event.localeHint();
        // The comment alone: the subject belongs to the first message and would colour a short reply.
        Analysis analysis = analyzer.analyze(Input.ticket(null, comment.body(), locale));
        for (Reason r : analysis.reasons()) {
            reasons.add(r.toString());
        }
        Facts read = Facts.of(analysis, channel(ticket, event), isVip(requester, organization, orgId));

        Set<Flag> recorded = Flag.recordedIn(ticket.tags());
        Set<Flag> fresh = EnumSet.noneOf(Flag.class);
        fresh.addAll(read.flags());
        fresh.removeAll(recorded);
        Set<Flag> flags = union(recorded, read.flags());
        if (fresh.isEmpty()) {
            reasons.add(read.flags().isEmpty() ? "follow-up: no priority signal: routing unchanged"
                    : "follow-up: " + labels(read.flags()) + " already on the ticket: routing unchanged");
            record(event, stage, new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), read.language(),
                    analysis.languageConfidence(), read.intent(), read.intentConfidence(), analysis.intentDetail(),
                    analysis.spamScore(), analysis.sentiment(), flags, noRoute(),
                    false, "follow-up: auto-reply answers new tickets only", reasons, analysis.modelVersion(),
                    clock.instant()), null, ticket);
            return Outcome.UNCHANGED;
        }

        List<RoutingRule> all = rules.all();
        Route route = router.route(withFlags(read, flags), all);
        Flag deciding = all.stream().filter(r -> r.ruleId().equals(route.ruleId())).map(RoutingRule::flag)
                .filter(Objects::nonNull).findFirst().map(f -> Flag.valueOf(f.toUpperCase(Locale.ROOT))).orElse(null);
        // Moving the ticket again for a flag it was already routed for would undo an agent's choice of group.
        Long group = deciding != null && !recorded.contains(deciding) ? route.groupId() : null;
        route.reasons().forEach(r -> reasons.add("routing:" + r));
        reasons.add("follow-up: raised " + labels(fresh) + ", flags now " + labels(flags) + ": "
                + (group != null ? "group " + group + " for " + deciding.label()
                        : deciding == null ? "no flag rule, group kept"
                                : "already routed for " + deciding.label() + ", group kept"));
        String replyReason = "follow-up raised " + labels(fresh) + ": a pending automatic reply is cancelled "
                + "(auto-reply re-reads the ticket and skips it for " + Router.PRIORITY_TAG + ")";
        reasons.add("auto-reply:" + replyReason);
        Route applied = new Route(route.ruleId(), group, route.tags(), route.priority(), false, false, route.reasons());
        record(event, stage, new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), read.language(),
                analysis.languageConfidence(), read.intent(), read.intentConfidence(), analysis.intentDetail(),
                analysis.spamScore(), analysis.sentiment(), flags, applied,
                false, replyReason, reasons, analysis.modelVersion(), clock.instant()),
                new TicketChange(group, route.tags(), route.priority(), null), ticket);
        return Outcome.REROUTED;
    }

    /**
     * The comment the event names, or the newest one when it names none. Read through the REST API
     * (OAS {@code ListTicketComments}) rather than from the delivery: zendesk.md §9b names the
     * {@code ticket.comment_added} type but does not describe its {@code event} object.
     */
    private TicketComment commentOf(TicketEvent event) {
        List<TicketComment> newest = comments.newest(event.ticketId());
        if (event.commentId() == null) {
            return newest.stream().findFirst().orElseThrow(() -> new CommentNotFoundException(event.ticketId(), null));
        }
        return newest.stream().filter(c -> c.id() == event.commentId()).findFirst()
                .orElseThrow(() -> new CommentNotFoundException(event.ticketId(), event.commentId()));
    }

    /** Logs the decision, applies the change (if any) and finishes the delivery, each step once. */
    private void record(TicketEvent event, DecisionLog.Stage stage, Decision decision, TicketChange change,
            Ticket ticket) {
        if (stage == DecisionLog.Stage.NONE || stage == DecisionLog.Stage.DECIDED) {
            log.decided(decision);
            if (change != null) {
                apply(ticket, change);
            }
            log.updated(event.ticketId(), event.eventKey());
        }
        log.done(event.ticketId(), event.eventKey());
    }

    private static Route noRoute() {
        return new Route(null, null, List.of(), null, false, false, List.of());
    }

    private static Set<Flag> union(Set<Flag> a, Set<Flag> b) {
        Set<Flag> all = EnumSet.noneOf(Flag.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static List<String> labels(Set<Flag> flags) {
        return flags.stream().sorted().map(Flag::label).toList();
    }

    private TicketChange change(Route route) {
        if (route.spam()) {
            return new TicketChange(null, route.tags(), null, spamAction == SpamAction.CLOSE ? "solved" : null);
        }
        return new TicketChange(route.groupId(), route.tags(), route.priority(), null);
    }

    /** Safe update; on 409 re-read and re-apply the same change to the fresh ticket. */
    private void apply(Ticket read, TicketChange change) {
        Ticket current = read;
        for (int attempt = 1; ; attempt++) {
            TicketUpdate update = change.against(current, read);
            if (update == null) {
                break;
            }
            try {
                desk.update(update);
                break;
            } catch (ConflictException e) {
                if (attempt >= MAX_UPDATE_ATTEMPTS) {
                    throw e;
                }
                current = desk.ticket(read.id());
            }
        }
        if (change.addTags().contains(Router.SPAM_TAG) && spamAction == SpamAction.MARK_AS_SPAM) {
            desk.markAsSpam(read.id());
        }
    }

    private Decision decision(TicketEvent event, Ticket ticket, Analysis analysis, Facts facts, Route route,
            ReplyPolicy.Verdict verdict) {
        List<String> reasons = new ArrayList<>();
        for (Reason r : analysis.reasons()) {
            reasons.add(r.toString());
        }
        route.reasons().forEach(r -> reasons.add("routing:" + r));
        reasons.add("auto-reply:" + verdict.reason());
        return new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), facts.language(),
                analysis.languageConfidence(), facts.intent(), facts.intentConfidence(), analysis.intentDetail(),
                analysis.spamScore(), analysis.sentiment(), facts.flags(), route,
                verdict.eligible(), verdict.reason(), reasons, analysis.modelVersion(), clock.instant());
    }
}
