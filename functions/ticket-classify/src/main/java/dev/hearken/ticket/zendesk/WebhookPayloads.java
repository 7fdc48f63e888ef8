package dev.hearken.ticket.zendesk;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hearken.ticket.domain.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Both styles bind to {@link Delivery}: their top-level names do not clash, and every field is optional to
 * Jackson so that this class, not the binder, says what is missing. Unknown fields are ignored (Zendesk adds
 * fields to its events; admins add placeholders to the template); ids bind as text whether Zendesk sends a
 * string or a number. Lenient about what it does not need, strict about the ticket id, without which nothing
 * can be done.
 */
@ApplicationScoped
public class WebhookPayloads {

    private static final String TICKET_EVENT_PREFIX = "zen:event-type:ticket.";

    private final ObjectReader json;

    public WebhookPayloads(ObjectMapper json) {
        // A key twice ({"ticket_id":"1","ticket_id":"2"}) or a second value after the object has no one meaning:
        // the signature covers the bytes, but the worker and an auditor could read different tickets out of them.
        this.json = json.readerFor(Delivery.class)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses a body; {@link InvalidPayloadException} says why it is not a ticket delivery. */
    public TicketEvent parse(String body) {
        Delivery delivery;
        try {
            delivery = json.readValue(body);
        } catch (StreamReadException e) {
            throw new InvalidPayloadException("body is not valid JSON");
        } catch (JsonMappingException e) {
            throw new InvalidPayloadException(e.getPath().isEmpty() ? "body must be a JSON object"
                    : "field " + path(e) + " has the wrong JSON type");
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body is not valid JSON");
        }
        if (delivery == null) {
            throw new InvalidPayloadException("body must be a JSON object");
        }
        if (delivery.type() != null && delivery.type().startsWith("zen:event-type:")) {
            return event(delivery);
        }
        return trigger(delivery, body);
    }

    private static TicketEvent event(Delivery d) {
        if (!d.type().startsWith(TICKET_EVENT_PREFIX)) {
            throw new InvalidPayloadException("event type " + d.type() + " is not a ticket event");
        }
        Detail detail = d.detail() == null ? Detail.NONE : d.detail();
        long id = ticketId(detail.id(), "detail.id");
        if (d.id() == null || d.id().isBlank()) {
            throw new InvalidPayloadException("event id is missing");
        }
        Long commentId = TicketEvent.COMMENT_ADDED.equals(d.type()) && d.event() != null && d.event().comment() != null
                ? positive(d.event().comment().id()) : null;
        return new TicketEvent(id, d.id(), d.type(), detail.subject(), detail.description(), null,
                detail.via() == null ? null : lower(detail.via().channel()),
                detail.tags() == null ? List.of() : detail.tags(), commentId);
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

    private static TicketEvent trigger(Delivery d, String body) {
        long id = ticketId(d.ticketId(), "ticket_id");
        String key = triggerKey(d.updatedAt(), body);
        String tagText = d.tags();
        List<String> tags = tagText == null || tagText.isBlank() ? List.of() : List.of(tagText.trim().split("\\s+"));
        String via = d.via();
        return new TicketEvent(id, key, TicketEvent.TRIGGER, d.subject(), d.description(),
                d.requesterLocale(), via == null ? null : lower(via.trim().replace(' ', '_')), tags);
    }

    /**
     * The identity of a trigger delivery, which has no event id: {@code trigger@<updated_at>#<content>}, the
     * {@code updated_at} as rendered (whole, seconds included when the placeholder gives them) and 16 hex digits of the
     * SHA-256 of the raw body. A redelivery is byte for byte the same request, so the same key (never handled twice);
     * two real updates differ in {@code updated_at} or in what the template renders (tags, status, priority, …), so
     * two keys — {@code ticket.updated_at_with_timestamp} renders minutes only, and the time alone merged two updates
     * within one minute. Two updates in the same minute that change nothing the template renders still share a key:
     * the worker reads the ticket itself, so the first already saw both. Without {@code updated_at}, the hash alone.
     */
    static String triggerKey(String updatedAt, String body) {
        if (updatedAt == null || updatedAt.isBlank()) {
            return TicketEvent.TRIGGER + "@sha256:" + sha256(body);
        }
        return TicketEvent.TRIGGER + "@" + updatedAt.trim() + "#" + sha256(body).substring(0, 16);
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

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
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

    /**
     * A webhook body of either style. Event subscriptions (§9b) fill {@code type}, {@code id}, {@code detail} and
     * {@code event}; our trigger template (§9a) fills the rest, every value a rendered string.
     *
     * @param subject the ticket title in a trigger body ({@code zen:ticket:<id>} in an event, not read)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String type, String id, Detail detail, Event event,
            @JsonProperty("ticket_id") String ticketId, String subject, String description, String tags, String via,
            @JsonProperty("requester_locale") String requesterLocale, @JsonProperty("updated_at") String updatedAt) {
    }

    /** The ticket snapshot of a ticket event (§9b); a single tag given as a string is read as a list of one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String id, String subject, String description,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tags, Via via) {

        private static final Detail NONE = new Detail(null, null, null, null, null);
    }

    /** {@code detail.via}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Via(String channel) {
    }

    /** The event-specific object; only {@code ticket.comment_added} puts something Hearken reads there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(Comment comment) {
    }

    /** The added comment: its id only (string or number). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(String id) {
    }

    /** A body that is not a ticket delivery we understand (400 at the webhook, a failed record in the worker). */
    public static final class InvalidPayloadException extends RuntimeException {
        public InvalidPayloadException(String message) {
            super(message);
        }
    }
}
