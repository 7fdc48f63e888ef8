package dev.hearken.push.aws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.domain.MailFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * An SQS body: SNS's envelope ({@code Type}, {@code Message}), or — raw delivery — the SES event itself
     * (the other fields). Only what is read is bound; the rest is ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(@JsonProperty("Type") String type, @JsonProperty("Message") String message, String eventType,
            String notificationType, Bounce bounce, Complaint complaint, Mail mail) {}

    /** {@code bounce}: its type and the recipients it names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bounce(String bounceType, List<Recipient> bouncedRecipients) {}

    /** {@code complaint}: the recipients it names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaint(List<Recipient> complainedRecipients) {}

    /** One bounced or complaining recipient. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String emailAddress) {}

    /** {@code mail}: the message as sent — its id, the addresses it went to, its tags (name → values). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mail(String messageId, List<String> destination, Map<String, List<String>> tags) {}

    /** Thrown for a body that is not an SNS notification of an SES event: the record fails (and is dead-lettered). */
    public static final class InvalidFeedbackException extends RuntimeException {
        InvalidFeedbackException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code body}; throws {@link InvalidFeedbackException} when it is not what SES and SNS send. */
    public static MailFeedback read(ObjectMapper json, String body) {
        Body event = bind(json, body, "body");
        if (event.type() != null) {
            if (!"Notification".equals(event.type()) || event.message() == null) {
                throw new InvalidFeedbackException("SNS message of type " + event.type() + " without a Message");
            }
            event = bind(json, event.message(), "SNS Message");
        }
        String type = event.eventType() != null ? event.eventType() : event.notificationType();
        Mail mail = event.mail();
        if (type == null || mail == null) {
            throw new InvalidFeedbackException("not an SES event: no eventType/notificationType or mail");
        }
        MailFeedback.Kind kind;
        List<String> addresses = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                Bounce bounce = event.bounce() == null ? new Bounce(null, null) : event.bounce();
                kind = switch (bounce.bounceType() == null ? "" : bounce.bounceType()) {
                    case "Permanent" -> MailFeedback.Kind.PERMANENT_BOUNCE;
                    case "Transient" -> MailFeedback.Kind.TRANSIENT_BOUNCE;
                    default -> MailFeedback.Kind.UNDETERMINED_BOUNCE;
                };
                addAll(addresses, bounce.bouncedRecipients(), mail);
            }
            case "Complaint" -> {
                kind = MailFeedback.Kind.COMPLAINT;
                addAll(addresses, event.complaint() == null ? null : event.complaint().complainedRecipients(), mail);
            }
            default -> kind = MailFeedback.Kind.OTHER;
        }
        List<String> tag = mail.tags() == null ? null : mail.tags().get(RECIPIENT_TAG);
        String recipientTag = tag == null || tag.isEmpty() ? null : tag.get(0);
        return new MailFeedback(kind, recipientTag, addresses, mail.messageId());
    }

    /** The recipients' addresses, each written as {@code mail.destination} has it when they differ only in case. */
    private static void addAll(List<String> addresses, List<Recipient> recipients, Mail mail) {
        for (Recipient recipient : recipients == null ? List.<Recipient>of() : recipients) {
            String address = recipient == null ? null : recipient.emailAddress();
            if (address == null || address.isBlank()) {
                continue;
            }
            for (String destination : mail.destination() == null ? List.<String>of() : mail.destination()) {
                if (destination != null && destination.equalsIgnoreCase(address)) {
                    address = destination;
                    break;
                }
            }
            addresses.add(address);
        }
    }

    private static Body bind(ObjectMapper json, String text, String what) {
        try {
            Body node = text == null ? null : json.readValue(text, Body.class);
            if (node == null) {
                throw new InvalidFeedbackException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // no parser message: it may quote the body, and the body holds addresses
            throw new InvalidFeedbackException(what + " is not JSON of an SNS notification or SES event");
        }
    }
}
