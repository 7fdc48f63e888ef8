package dev.hearken.ticket.domain;

/** The decision log read back per ticket, for operators ({@link DecisionLookup}). */
public interface DecisionHistory {

    /** What is logged for the ticket, decisions in any order; no decisions and no mark when nothing is. */
    TicketDecisions of(long ticketId);
}
