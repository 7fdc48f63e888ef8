package dev.hearken.understanding;

/** Where a text came from; it changes a few defaults (a rating-only review is not spam, an empty ticket is). */
public enum Channel {
    /** A support ticket or e-mail (Zendesk, SES inbound). */
    TICKET,
    /** An app-store review (App Store, Google Play, AppFollow). */
    REVIEW,
    /** Anything else, e.g. an in-app feedback form. */
    OTHER
}
