package dev.hearken.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The e-mail an emulator's SES accepted, for assertions and the local run's report.
 *
 * <p>SES has no API that returns sent mail. moto keeps every message it accepted and shows them at
 * {@code GET /moto-api/data.json} (models {@code ses.Message} for SendEmail and {@code ses.RawMessage}
 * for SendRawEmail); that internal view is what this reads, so it works against moto only and says so
 * otherwise. Messages are listed oldest first.
 */
public final class SentMail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SentMail(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * One accepted message.
     *
     * @param id           the SES MessageId
     * @param source       the From address SES was given
     * @param destinations every recipient (To, Cc, Bcc)
     * @param subject      the subject (decoded for SendEmail; the raw header value for SendRawEmail)
     * @param body         the body moto kept for SendEmail (HTML if given, else text), or the whole raw MIME message (SendRawEmail)
     * @param raw          whether the message came through SendRawEmail
     */
    public record Mail(String id, String source, List<String> destinations, String subject, String body, boolean raw) {

        /** A header of a raw message (case-insensitive name, unfolded), or {@code null}. */
        public String header(String name) {
            if (!raw) {
                return null;
            }
            String head = body.split("\r?\n\r?\n", 2)[0].replaceAll("\r?\n[ \t]+", " ");
            for (String line : head.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** Whether {@code address} is one of the recipients (case-insensitive). */
        public boolean sentTo(String address) {
            return destinations.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)));
        }
    }

    /** Every message accepted so far. */
    public List<Mail> all() {
        JsonNode ses = fetch().path("ses");
        List<Mail> mails = new ArrayList<>();
        for (JsonNode m : ses.path("Message")) {
            mails.add(new Mail(m.path("id").asText(), m.path("source").asText(), addresses(m.path("destinations")),
                    m.path("subject").asText(null), m.path("body").asText(null), false));
        }
        for (JsonNode m : ses.path("RawMessage")) {
            String raw = m.path("raw_data").asText("");
            Mail mail = new Mail(m.path("id").asText(), m.path("source").asText(null),
                    addresses(m.path("destinations")), null, raw, true);
            mails.add(new Mail(mail.id(), mail.source() != null ? mail.source() : mail.header("From"),
                    mail.destinations(), mail.header("Subject"), raw, true));
        }
        return mails;
    }

    /** The messages sent to {@code address}. */
    public List<Mail> to(String address) {
        return matching(m -> m.sentTo(address));
    }

    /** The messages matching {@code filter}. */
    public List<Mail> matching(Predicate<Mail> filter) {
        return all().stream().filter(filter).toList();
    }

    private static List<String> addresses(JsonNode destinations) {
        List<String> out = new ArrayList<>();
        if (destinations.isArray()) {
            destinations.forEach(d -> out.add(d.asText()));
        } else if (destinations.isObject()) {
            // SendEmail keeps {"ToAddresses": [...], "CcAddresses": [...], "BccAddresses": [...]}.
            destinations.fields().forEachRemaining(e -> e.getValue().forEach(d -> out.add(d.asText())));
        }
        return out;
    }

    private JsonNode fetch() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the emulator at " + endpoint + " does not show sent mail (GET /moto-api/data.json → "
                        + response.statusCode() + "); only moto keeps what SES accepted");
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sent mail from " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading sent mail", e);
        }
    }
}
