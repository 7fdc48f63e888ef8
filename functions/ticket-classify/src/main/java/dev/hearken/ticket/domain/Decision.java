package dev.hearken.ticket.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The decision about one ticket event, as stored in the decision log: the audit trail and the input
 * for trends.
 *
 * @param ticketId        the ticket
 * @param eventKey        the delivery it answers ({@link TicketEvent#eventKey()})
 * @param ticketVersion   the ticket's {@code updated_at} when it was read
 * @param language        ISO 639-1
 * @param languageConfidence confidence of the language in [0, 1]
 * @param intent          intent label
 * @param intentConfidence confidence in [0, 1]
 * @param intentDetail    the detail model's fine-grained intent ({@code request_refund}), or {@code null}
 * @param spamScore       spam probability in [0, 1]
 * @param sentiment       in [-1, 1]
 * @param flags           priority flags
 * @param route           routing outcome (rule, group, tags, priority)
 * @param autoReply       whether the ticket was handed to auto-reply
 * @param replyReason     why (or why not)
 * @param reasons         understanding reasons (rules and scores that fired) and routing reasons
 * @param modelVersion    version of the understanding models
 * @param decidedAt       when
 */
public record Decision(long ticketId, String eventKey, String ticketVersion, String language,
        double languageConfidence, String intent, double intentConfidence, String intentDetail, double spamScore, double sentiment, Set<Flag> flags, Route route, boolean autoReply,
        String replyReason, List<String> reasons, String modelVersion, Instant decidedAt) {

    public Decision {
        flags = Set.copyOf(flags);
        reasons = List.copyOf(reasons);
    }
}
