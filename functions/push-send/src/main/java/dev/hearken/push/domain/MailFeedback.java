package dev.hearken.push.domain;

import java.util.List;
import java.util.Objects;

/**
 * One bounce or complaint SES published about a mail we sent.
 *
 * @param kind         what happened
 * @param recipientTag the sealed user id the mail was tagged with at send time, or {@code null} (mail without it)
 * @param addresses    the recipients the event is about, as the mail was addressed to them
 * @param messageId    SES's message id (for logs; not personal data)
 */
public record MailFeedback(Kind kind, String recipientTag, List<String> addresses, String messageId) {

    /** The kinds of feedback; only {@link #PERMANENT_BOUNCE} and {@link #COMPLAINT} change a user. */
    public enum Kind {
        /** {@code bounceType: Permanent}: the address does not exist or refuses us for good. */
        PERMANENT_BOUNCE,
        /** {@code bounceType: Transient}: a full mailbox, a message too large, a temporary refusal; SES retried already. */
        TRANSIENT_BOUNCE,
        /** {@code bounceType: Undetermined}: SES could not tell; treated like a transient bounce. */
        UNDETERMINED_BOUNCE,
        /** The recipient marked the mail as spam (a feedback loop report). */
        COMPLAINT,
        /** Any other event type (delivery, send, ...): nothing to do. */
        OTHER
    }

    public MailFeedback {
        Objects.requireNonNull(kind, "kind");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
