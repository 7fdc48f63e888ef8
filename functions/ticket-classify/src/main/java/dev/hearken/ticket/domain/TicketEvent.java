package dev.hearken.ticket.domain;

import java.util.List;
import java.util.Objects;

/**
 * A Zendesk webhook delivery reduced to what the worker needs, whichever payload style it came in
 * (our trigger template, zendesk.md §9a, or an event subscription, §9b).
 *
 * @param ticketId   the ticket's numeric id
 * @param eventKey   what makes a delivery unique, for idempotency: the event id of an event
 *                   subscription, {@code trigger@<updated_at>} for a trigger (zendesk.md §10)
 * @param kind       {@code trigger}, or the event type such as {@code zen:event-type:ticket.created}
 * @param subject    ticket subject as delivered, may be {@code null}
 * @param description first comment as delivered, may be {@code null}
 * @param localeHint the requester's language as the payload names it ({@code Español}, {@code pt-BR}), or {@code null}
 * @param channel    how the ticket came in ({@code web_form}, {@code email}, {@code mobile_sdk}, …), lower-case, or {@code null}
 * @param tags       the ticket's tags at delivery time
 */
public record TicketEvent(long ticketId, String eventKey, String kind, String subject, String description,
        String localeHint, String channel, List<String> tags) {

    /** The kind of trigger deliveries (the message attribute {@code eventKind} has the same value). */
    public static final String TRIGGER = "trigger";

    public TicketEvent {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(kind, "kind");
        if (ticketId <= 0) {
            throw new IllegalArgumentException("ticket id must be positive: " + ticketId);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
