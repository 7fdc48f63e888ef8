package dev.hearken.ticket.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.ticket.domain.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads both webhook payload styles into a {@link TicketEvent}:
 * <ul>
 *   <li>our trigger template (zendesk.md §9a): every value a rendered string — {@code ticket_id "35501"},
 *       tags space-separated, {@code via "Web Form"}, {@code requester_locale "Español"};</li>
 *   <li>event subscriptions (§9b): {@code type zen:event-type:ticket.*}, ids as strings, enums upper-case,
 *       the ticket in {@code detail}. For {@code ticket.comment_added} the comment's id is read from
 *       {@code event.comment.id} when present — the contract does not describe the {@code event}
 *       object of that type; Zendesk's event-types page puts {@code comment.{id, body, is_public,
 *       author.{id, is_staff, name}}} there, corroborated only by third parties. So only the id is
 *       taken (string or number, anything else ignored), to find the comment; its body and author
 *       are read from the REST API by the worker.</li>
 * </ul>
 * Lenient about what it does not need (the placeholder renderings are unverified), strict about the
 * ticket id, without which nothing can be done.
 */
@ApplicationScoped
public class WebhookPayloads {

    private static final String TICKET_EVENT_PREFIX = "zen:event-type:ticket.";

    private final ObjectMapper json;

    public WebhookPayloads(ObjectMapper json) {
        this.json = json;
    }

    /** Parses a body; {@link InvalidPayloadException} says why it is not a ticket delivery. */
    public TicketEvent parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPayloadException("body must be a JSON object");
        }
        String type = text(root, "type");
        if (type != null && type.startsWith("zen:event-type:")) {
            return event(root, type);
        }
        return trigger(root, body);
    }

    private TicketEvent event(JsonNode root, String type) {
        if (!type.startsWith(TICKET_EVENT_PREFIX)) {
            throw new InvalidPayloadException("event type " + type + " is not a ticket event");
        }
        JsonNode detail = root.path("detail");
        long id = ticketId(text(detail, "id"), "detail.id");
        String eventId = text(root, "id");
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidPayloadException("event id is missing");
        }
        List<String> tags = new ArrayList<>();
        detail.path("tags").forEach(t -> tags.add(t.asText()));
        Long commentId = TicketEvent.COMMENT_ADDED.equals(type)
                ? positive(text(root.path("event").path("comment"), "id")) : null;
        return new TicketEvent(id, eventId, type, text(detail, "subject"), text(detail, "description"), null,
                lower(text(detail.path("via"), "channel")), tags, commentId);
    }

    /** A positive number, or {@code null} for anything else (a hint, not a requirement). */
    private static Long positive(String value) {
        try {
            long n = value == null ? 0 : Long.parseLong(value.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private TicketEvent trigger(JsonNode root, String body) {
        long id = ticketId(text(root, "ticket_id"), "ticket_id");
        String updatedAt = text(root, "updated_at");
        String key = TicketEvent.TRIGGER + "@" + (updatedAt == null || updatedAt.isBlank() ? "sha256:" + sha256(body) : updatedAt);
        String tagText = text(root, "tags");
        List<String> tags = tagText == null || tagText.isBlank() ? List.of() : List.of(tagText.trim().split("\\s+"));
        String via = text(root, "via");
        return new TicketEvent(id, key, TicketEvent.TRIGGER, text(root, "subject"), text(root, "description"),
                text(root, "requester_locale"), via == null ? null : lower(via.trim().replace(' ', '_')), tags);
    }

    private static long ticketId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(field + " is missing");
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw new InvalidPayloadException(field + " must be a positive number");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidPayloadException(field + " must be a number");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A body that is not a ticket delivery we understand (400 at the webhook, a failed record in the worker). */
    public static final class InvalidPayloadException extends RuntimeException {
        public InvalidPayloadException(String message) {
            super(message);
        }
    }
}
