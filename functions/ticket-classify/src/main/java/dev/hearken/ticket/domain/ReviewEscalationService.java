package dev.hearken.ticket.domain;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.integration.RateLimitedException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a privacy or legal app-store review ({@link ReviewEscalation}, from review-ingest) into one Zendesk ticket
 * for the team of its flag. Such a review is never answered automatically; this is how it reaches a person.
 *
 * <ol>
 *   <li>Look the ticket up by its {@code external_id} = {@link ReviewEscalation#escalationId()}
 *       ({@code review:<store>:<reviewId>}, OAS ListTickets {@code ?external_id=}). Found: done — a
 *       re-delivery, a retry after a crash or timeout between creating and acknowledging, or another version
 *       of the same review never opens a second ticket.</li>
 *   <li>Route with the same {@link Router} and routing rules as tickets: the {@code privacy}/{@code legal} flag
 *       rules decide group, tags and priority (privacy before legal when both fire), plus
 *       {@value Router#PRIORITY_TAG} and {@code hearken_<flag>}; and {@value #REVIEW_TAG}.</li>
 *   <li>Open the ticket ({@link EscalationTicket}: the review's text, rating, store, app, reviewer pseudonym and
 *       link as an internal note).</li>
 * </ol>
 *
 * <p>What the lookup cannot cover: two deliveries of the same message processed at the very same moment (SQS
 * delivers at least once) could both find nothing and both create; they would be two tickets with the same
 * {@code external_id}, found and merged by an agent. A FIFO queue or a DynamoDB claim would close that window;
 * for messages this rare we keep the standard queue.
 *
 * <p>Rate limits ({@link RateLimitedException}) and other failures propagate: the caller returns the message to
 * the queue.
 */
public final class ReviewEscalationService {

    /** On every escalated review's ticket. */
    public static final String REVIEW_TAG = "hearken_review";
    /** The channel the router sees for a review (no channel rule names it; flag rules ignore channels). */
    static final String CHANNEL = "app_review";

    private final TicketDesk desk;
    private final RoutingRules rules;
    private final Router router = new Router();

    public ReviewEscalationService(TicketDesk desk, RoutingRules rules) {
        this.desk = desk;
        this.rules = rules;
    }

    /** What happened to an escalation. */
    public record Outcome(Status status, long ticketId, Route route) {

        public enum Status {
            /** A ticket was opened now. */
            CREATED,
            /** The review already had its ticket: nothing done. */
            EXISTING
        }
    }

    public Outcome escalate(ReviewEscalation escalation) {
        List<Long> existing = desk.ticketsByExternalId(escalation.escalationId());
        if (!existing.isEmpty()) {
            return new Outcome(Outcome.Status.EXISTING, existing.get(0), null);
        }
        Route route = route(escalation);
        long id = desk.create(EscalationTicket.of(escalation, route));
        return new Outcome(Outcome.Status.CREATED, id, route);
    }

    /** Group, tags and priority for the escalation's flags, by the routing rules. */
    public Route route(ReviewEscalation escalation) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String flag : escalation.flags()) {
            flags.add(Flag.valueOf(flag.toUpperCase(Locale.ROOT)));
        }
        String intent = escalation.intent() == null || escalation.intent().isBlank() ? "other" : escalation.intent();
        Route route = router.route(new Facts(escalation.language(), intent, 0, CHANNEL, false, flags), rules.all());
        Set<String> tags = new LinkedHashSet<>(route.tags());
        tags.add(REVIEW_TAG);
        tags.add(REVIEW_TAG + "_" + escalation.store());
        return new Route(route.ruleId(), route.groupId(), List.copyOf(tags), route.priority(), false, false,
                route.reasons());
    }
}
