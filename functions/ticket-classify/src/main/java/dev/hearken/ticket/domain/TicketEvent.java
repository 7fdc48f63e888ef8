package dev.hearken.ticket.domain;

import java.util.List;
import java.util.Objects;

/**
 * A Zendesk webhook delivery reduced to what the worker needs, whichever payload style it came in
 * (our trigger template, zendesk.md §9a, or an event subscription, §9b).
 *
 * @param ticketId   the ticket's numeric id
 * @param eventKey   what makes a delivery unique, for idempotency: the event id of an event
 *                   subscription; for a trigger, which has none, {@code trigger@<updated_at>#<hash of the body>}
 *                   (zendesk.md §10: the rendered {@code updated_at} has minutes only, so the content tells two
 *                   updates of one minute apart, and a redelivery, byte for byte the same, keeps its key)
 * @param kind       {@code trigger}, or the event type such as {@code zen:event-type:ticket.created}
 * @param subject    ticket subject as delivered, may be {@code null}
 * @param description first comment as delivered, may be {@code null}
 * @param localeHint the requester's language as the payload names it ({@code Español}, {@code pt-BR}), or {@code null}
 * @param channel    how the ticket came in ({@code web_form}, {@code email}, {@code mobile_sdk}, …), lower-case, or {@code null}
 * @param tags       the ticket's tags at delivery time
 * @param commentId  for a {@link #COMMENT_ADDED} event, the id of the comment it names, or {@code null}
 *                   when the delivery names none (then the ticket's newest comment is meant)
 */
public record TicketEvent(long ticketId, String eventKey, String kind, String subject, String description,
        String localeHint, String channel, List<String> tags, Long commentId) {

    /** The kind of trigger deliveries (the message attribute {@code eventKind} has the same value). */
    public static final String TRIGGER = "trigger";

    /** The event type of a comment added to a ticket (zendesk.md §9b lists the type). */
    public static final String COMMENT_ADDED = "zen:event-type:ticket.comment_added";

    public TicketEvent {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(kind, "kind");
        if (ticketId <= 0) {
            throw new IllegalArgumentException("ticket id must be positive: " + ticketId);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A delivery that names no comment: a trigger, or a ticket event other than a comment. */
    public TicketEvent(long ticketId, String eventKey, String kind, String subject, String description,
            String localeHint, String channel, List<String> tags) {
        this(ticketId, eventKey, kind, subject, description, localeHint, channel, tags, null);
    }

    /** Whether this delivery is a comment added to an existing ticket (a follow-up, or an agent's answer). */
    public boolean isCommentAdded() {
        return COMMENT_ADDED.equals(kind);
    }
}
