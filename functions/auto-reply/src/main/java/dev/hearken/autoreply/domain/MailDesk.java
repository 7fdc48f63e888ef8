package dev.hearken.autoreply.domain;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.InboundMail;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: e-mail that came in outside Zendesk (the {@code inbound-mail} store) and the way out (SES).
 *
 * <p>Unlike Zendesk and the stores, the outgoing side cannot be read back: nothing tells whether a
 * message was sent before a crash. {@link #markAutoReplied} records it on the inbound item right
 * after sending, which narrows — but cannot close — the window between "sent" and "recorded".
 * Implementations throw {@link RateLimitedException} when the provider throttles and
 * {@link RejectedException} when it refuses the message for good; in both cases nothing was sent.
 */
public interface MailDesk {

    /** The inbound message as it is now, or empty when the store has no such message. */
    Optional<InboundMail> read(String messageId);

    /** Sends {@code reply} to the message's sender, threaded under it; returns the provider's message id. */
    String send(InboundMail to, MailReply reply);

    /**
     * Marks the inbound message as answered automatically (a conditional write);
     * {@code false} when it already was or no longer exists.
     */
    boolean markAutoReplied(String messageId, String providerMessageId, Instant at);

    /** Asks a person to look at the message ({@code reason}, e.g. {@code auto_reply_outcome_unknown}). */
    void flagForPerson(String messageId, String reason, Instant at);
}
