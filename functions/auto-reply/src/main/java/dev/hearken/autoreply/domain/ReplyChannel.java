package dev.hearken.autoreply.domain;

import java.util.Locale;

/** Where an automatic reply goes; {@link #source()} is the {@code source} of an auto-reply request. */
public enum ReplyChannel {
    /** A Zendesk ticket: a public comment. */
    ZENDESK("zendesk", Kind.TICKET),
    /** An App Store review: the developer response. */
    APP_STORE("appstore", Kind.REVIEW),
    /** A Google Play review: the developer reply. */
    GOOGLE_PLAY("googleplay", Kind.REVIEW),
    /** A message that came by e-mail outside Zendesk: an e-mail answer through SES (a conversation, like a ticket). */
    EMAIL("email", Kind.TICKET);

    /** Tickets can be answered in a conversation; reviews get one public, final answer. */
    public enum Kind { TICKET, REVIEW }

    private final String source;
    private final Kind kind;

    ReplyChannel(String source, Kind kind) {
        this.source = source;
        this.kind = kind;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    /** The channel of a request's {@code source}; {@link RejectedException} for one we do not serve. */
    public static ReplyChannel ofSource(String source) {
        for (ReplyChannel c : values()) {
            if (c.source.equals(source == null ? null : source.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new RejectedException("unknown_source");
    }
}
