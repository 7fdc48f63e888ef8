package dev.hearken.push.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.domain.MailFeedback;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one SQS message of the mail-feedback queue into a {@link MailFeedback}.
 *
 * <p>The path: SES event publishing (configuration set {@code hearken-mail}, event destination for
 * {@code BOUNCE} and {@code COMPLAINT}) → SNS topic → SQS queue <em>without</em> raw message delivery, so
 * the body is SNS's envelope ({@code Type: Notification}, {@code Message} = the SES event as a JSON string);
 * a body that is the SES event itself (raw delivery) is read too. The SES event
 * (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html):
 * {@code eventType} ({@code notificationType} for identity notifications), {@code bounce.bounceType}
 * ({@code Permanent}|{@code Transient}|{@code Undetermined}), {@code bounce.bouncedRecipients[].emailAddress},
 * {@code complaint.complainedRecipients[].emailAddress}, {@code mail.messageId}, {@code mail.destination[]}
 * and {@code mail.tags} (tag name → list of values; identity notifications carry no tags).
 *
 * <p>The addresses are taken from the recipients the event names, each written as {@code mail.destination}
 * has it when they differ only in case ({@code destination} is what we passed to {@code SendRawEmail}, i.e.
 * the address as stored in {@code push-users}).
 */
public final class SesFeedbackJson {

    /** The SES message tag that carries the sealed recipient (set by {@link SesEmailGateway}). */
    public static final String RECIPIENT_TAG = "hearken-recipient";

    private SesFeedbackJson() {}

    /** Thrown for a body that is not an SNS notification of an SES event: the record fails (and is dead-lettered). */
    public static final class InvalidFeedbackException extends RuntimeException {
        InvalidFeedbackException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code body}; throws {@link InvalidFeedbackException} when it is not what SES and SNS send. */
    public static MailFeedback read(ObjectMapper json, String body) {
        JsonNode root = tree(json, body, "body");
        JsonNode event = root;
        if (root.has("Type")) {
            if (!"Notification".equals(root.path("Type").asText()) || !root.path("Message").isTextual()) {
                throw new InvalidFeedbackException("SNS message of type " + root.path("Type").asText() + " without a Message");
            }
            event = tree(json, root.path("Message").asText(), "SNS Message");
        }
        String type = event.hasNonNull("eventType") ? event.path("eventType").asText() : event.path("notificationType").asText(null);
        JsonNode mail = event.path("mail");
        if (type == null || !mail.isObject()) {
            throw new InvalidFeedbackException("not an SES event: no eventType/notificationType or mail");
        }
        MailFeedback.Kind kind;
        List<String> addresses = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                kind = switch (event.path("bounce").path("bounceType").asText("")) {
                    case "Permanent" -> MailFeedback.Kind.PERMANENT_BOUNCE;
                    case "Transient" -> MailFeedback.Kind.TRANSIENT_BOUNCE;
                    default -> MailFeedback.Kind.UNDETERMINED_BOUNCE;
                };
                event.path("bounce").path("bouncedRecipients").forEach(r -> add(addresses, r, mail));
            }
            case "Complaint" -> {
                kind = MailFeedback.Kind.COMPLAINT;
                event.path("complaint").path("complainedRecipients").forEach(r -> add(addresses, r, mail));
            }
            default -> kind = MailFeedback.Kind.OTHER;
        }
        JsonNode tag = mail.path("tags").path(RECIPIENT_TAG);
        String recipientTag = tag.isArray() && !tag.isEmpty() ? tag.get(0).asText(null) : null;
        return new MailFeedback(kind, recipientTag, addresses, mail.path("messageId").asText(null));
    }

    private static void add(List<String> addresses, JsonNode recipient, JsonNode mail) {
        String address = recipient.path("emailAddress").asText(null);
        if (address == null || address.isBlank()) {
            return;
        }
        for (JsonNode destination : mail.path("destination")) {
            if (destination.asText().equalsIgnoreCase(address)) {
                address = destination.asText();
                break;
            }
        }
        addresses.add(address);
    }

    private static JsonNode tree(ObjectMapper json, String text, String what) {
        try {
            JsonNode node = text == null ? null : json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidFeedbackException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // no parser message: it may quote the body, and the body holds addresses
            throw new InvalidFeedbackException(what + " is not JSON");
        }
    }
}
