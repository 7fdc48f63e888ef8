package dev.hearken.ticket.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Why a ticket went where it went: every decision the worker logged for it, newest first, with their reasons,
 * scores, rule and model version. Entries expire with the decision log's retention
 * ({@code hearken.tickets.decision-retention}).
 */
public final class DecisionLookup {

    /** Newest first; a decision logged in the same instant as another is ordered by its delivery key. */
    private static final Comparator<LoggedDecision> NEWEST_FIRST = Comparator
            .comparing(LoggedDecision::decidedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(LoggedDecision::eventKey)
            .reversed();

    private final DecisionHistory history;

    public DecisionLookup(DecisionHistory history) {
        this.history = history;
    }

    /** The ticket's decisions, newest first; empty when nothing is logged for it (unknown, or expired). */
    public Optional<TicketDecisions> decisions(long ticketId) {
        TicketDecisions logged = history.of(ticketId);
        if (logged.decisions().isEmpty() && logged.autoReplyRequested() == null) {
            return Optional.empty();
        }
        return Optional.of(new TicketDecisions(ticketId,
                logged.decisions().stream().sorted(NEWEST_FIRST).toList(), logged.autoReplyRequested()));
    }
}
