package dev.hearken.ticket.domain;

/** What the worker does with a ticket it considers spam (config {@code hearken.tickets.spam-action}). */
public enum SpamAction {
    /** Only tag it ({@code hearken_spam}) and leave it to agents: the safe default. */
    TAG,
    /** Zendesk's mark-as-spam, which also suspends the requester. */
    MARK_AS_SPAM,
    /** Tag it and set it solved (Zendesk does not let the API close a ticket directly). */
    CLOSE
}
