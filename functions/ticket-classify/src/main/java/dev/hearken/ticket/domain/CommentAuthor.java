package dev.hearken.ticket.domain;

/** Who wrote a ticket comment, as far as routing cares. */
public enum CommentAuthor {
    /** A user with Zendesk's role {@code end-user}: the requester or a CC'd user. Their words are analysed. */
    END_USER,
    /** An agent or admin: their comments never re-route a ticket. */
    AGENT,
    /** Hearken's own API user (auto-reply's answers): never analysed, or Hearken would route on its own words. */
    HEARKEN,
    /** Zendesk does not know the user (deleted) or names a role we do not know: analysed, to be safe. */
    UNKNOWN
}
