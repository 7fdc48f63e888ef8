package dev.hearken.ticket.domain;

import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import dev.hearken.understanding.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * <p>Rate limits ({@link RateLimitedException}) and other failures propagate: the caller returns the
 * message to the queue.
 */
public final class ClassificationService {

    /** Attempts of a safe update before giving the message back to the queue. */
    static final int MAX_UPDATE_ATTEMPTS = 3;

    private final TicketDesk desk;
    private final TextAnalyzer analyzer;
    private final VipDirectory vips;
    private final RoutingRules rules;
    private final DecisionLog log;
    private final ReplyQueue replies;
    private final Router router = new Router();
    private final ReplyPolicy replyPolicy;
    private final SpamAction spamAction;
    private final Set<String> vipOrganizationTags;
    private final Clock clock;

    public ClassificationService(TicketDesk desk, TextAnalyzer analyzer, VipDirectory vips, RoutingRules rules,
            DecisionLog log, ReplyQueue replies, ReplyPolicy replyPolicy, SpamAction spamAction,
            Set<String> vipOrganizationTags, Clock clock) {
        this.desk = desk;
        this.analyzer = analyzer;
        this.vips = vips;
        this.rules = rules;
        this.log = log;
        this.replies = replies;
        this.replyPolicy = replyPolicy;
        this.spamAction = spamAction;
        this.vipOrganizationTags = vipOrganizationTags;
        this.clock = clock;
    }

    /** What happened to a delivery. */
    public enum Outcome { CLASSIFIED, DUPLICATE }

    public Outcome handle(TicketEvent event) {
        DecisionLog.Stage stage = log.stage(event.ticketId(), event.eventKey());
        if (stage == DecisionLog.Stage.DONE) {
            return Outcome.DUPLICATE;
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

    private Facts facts(Analysis analysis, Ticket ticket, TicketEvent event, Requester requester,
            Organization organization, Long orgId) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (PrioritySignal signal : analysis.priority()) {
            flags.add(switch (signal) {
                case PRIVACY -> Flag.PRIVACY;
                case LEGAL -> Flag.LEGAL;
                case PAYMENT_FAILURE -> Flag.PAYMENT;
            });
        }
        // The intent model and the priority rules are independent readings; either one is enough.
        if (analysis.intent() == Intent.PRIVACY_REQUEST) {
            flags.add(Flag.PRIVACY);
        } else if (analysis.intent() == Intent.LEGAL) {
            flags.add(Flag.LEGAL);
        }
        boolean vipOrg = organization != null && organization.tags().stream()
                .anyMatch(t -> vipOrganizationTags.contains(t.toLowerCase(Locale.ROOT)));
        if (vipOrg || (requester != null && vips.isVip(requester, orgId))) {
            flags.add(Flag.VIP);
        }
        String channel = ticket.channel() != null ? ticket.channel() : event.channel();
        return new Facts(analysis.language(), analysis.intent().label(), analysis.intentConfidence(), channel,
                analysis.spam(), flags);
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
            } catch (UpdateConflictException e) {
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
        return new Decision(event.ticketId(), event.eventKey(), ticket.updatedAt(), facts.language(), facts.intent(),
                facts.intentConfidence(), analysis.spamScore(), analysis.sentiment(), facts.flags(), route,
                verdict.eligible(), verdict.reason(), reasons, analysis.modelVersion(), clock.instant());
    }
}
