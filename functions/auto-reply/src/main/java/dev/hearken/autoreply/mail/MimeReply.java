package dev.hearken.autoreply.mail;

import dev.hearken.autoreply.domain.MailAddress;
import dev.hearken.autoreply.domain.MailReply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An automatic answer as an RFC 5322 / MIME message, built by hand (no mail library is available
 * here, and the message is one text part): CRLF line ends, every header ASCII, UTF-8 text as RFC 2047
 * encoded-words (subject, display names) and a base64 body ({@code text/plain; charset=UTF-8}).
 *
 * <p>Nothing a user wrote reaches a header unencoded: names and the subject lose control characters
 * and become base64 encoded-words when they are not plain ASCII words, addresses must be
 * {@link MailAddress#isSendable sendable}, message ids must be well-formed {@code <left@right>}. So a
 * CR/LF in a subject cannot add a {@code Bcc:}.
 *
 * <p>Threading and loop prevention: {@code In-Reply-To} and {@code References} point at the original
 * (RFC 5322 §3.6.4), {@code Auto-Submitted: auto-replied} marks the answer as automatic (RFC 3834 §5),
 * {@code X-Auto-Response-Suppress: All} asks Exchange not to answer it with an out-of-office, and
 * {@code Reply-To} is the support address where a person reads the answers.
 */
public final class MimeReply {

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s\"@]+@[^<>\\s\"@]+>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
    private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z0-9 .'-]+");
    private static final Pattern PLAIN_TEXT = Pattern.compile("[\\x20-\\x7E]*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    /** RFC 5322 recommends trimming long References chains; the first and the newest ids keep the thread. */
    private static final int MAX_REFERENCES = 10;
    /** Bytes of UTF-8 per encoded-word: 45 bytes → 60 base64 characters, 72 with the delimiters (RFC 2047 limit 75). */
    private static final int WORD_BYTES = 45;

    private MimeReply() {}

    /** Who sends and where people answer. */
    public record Sender(String address, String displayName, String replyTo) {}

    /** The original message the answer threads under (any field may be {@code null}). */
    public record Original(String toAddress, String toName, String messageId, String references) {}

    /**
     * The whole message, headers and body.
     *
     * @throws IllegalArgumentException when an address is not sendable
     */
    public static String build(Sender sender, Original original, MailReply reply, Instant date) {
        requireSendable(sender.address());
        requireSendable(sender.replyTo());
        requireSendable(original.toAddress());
        StringBuilder m = new StringBuilder(1024 + reply.body().length() * 2);
        header(m, "From", mailbox(sender.displayName(), sender.address()));
        header(m, "To", mailbox(original.toName(), original.toAddress()));
        header(m, "Reply-To", sender.replyTo());
        header(m, "Subject", text(reply.subject()));
        header(m, "Date", DATE.format(date.atOffset(ZoneOffset.UTC)));
        header(m, "Message-ID", "<" + UUID.randomUUID() + "@" + MailAddress.domain(sender.address()) + ">");
        String parent = messageId(original.messageId());
        if (parent != null) {
            header(m, "In-Reply-To", parent);
            List<String> chain = references(original.references());
            chain.remove(parent);
            chain.add(parent);
            header(m, "References", String.join("\r\n ", chain));
        }
        header(m, "Auto-Submitted", "auto-replied");
        header(m, "X-Auto-Response-Suppress", "All");
        header(m, "MIME-Version", "1.0");
        header(m, "Content-Type", "text/plain; charset=UTF-8");
        header(m, "Content-Transfer-Encoding", "base64");
        if (reply.language().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            header(m, "Content-Language", reply.language());
        }
        m.append("\r\n");
        String body = reply.body().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        m.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        m.append("\r\n");
        return m.toString();
    }

    /** {@code name <address>}, the name quoted or encoded, or the bare address without a usable name. */
    static String mailbox(String displayName, String address) {
        String name = displayName == null ? "" : CONTROL.matcher(displayName).replaceAll(" ").strip();
        if (name.isEmpty()) {
            return address;
        }
        if (PLAIN_PHRASE.matcher(name).matches()) {
            return "\"" + name + "\" <" + address + ">";
        }
        return encodedWords(name) + " <" + address + ">";
    }

    /** Unstructured text (a subject): as is when printable ASCII, else encoded-words folded over lines. */
    static String text(String value) {
        String clean = CONTROL.matcher(value).replaceAll(" ").strip();
        if (PLAIN_TEXT.matcher(clean).matches() && !clean.contains("=?")) {
            return clean;
        }
        return encodedWords(clean);
    }

    /** RFC 2047 B encoding in UTF-8, split on character boundaries, one word per folded line. */
    static String encodedWords(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > WORD_BYTES) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(ch);
            bytes += n;
            i += Character.charCount(cp);
        }
        if (!chunk.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return String.join("\r\n ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A well-formed {@code <id@domain>}, or {@code null}. */
    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return MSG_ID.matcher(v).matches() ? v : null;
    }

    /** The well-formed ids of a References header: the first (thread root) and the newest ones. */
    static List<String> references(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        Matcher m = MSG_ID.matcher(value);
        while (m.find()) {
            if (!ids.contains(m.group())) {
                ids.add(m.group());
            }
        }
        if (ids.size() > MAX_REFERENCES) {
            List<String> trimmed = new ArrayList<>();
            trimmed.add(ids.get(0));
            trimmed.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
            return trimmed;
        }
        return ids;
    }

    private static void header(StringBuilder m, String name, String value) {
        m.append(name).append(": ").append(value).append("\r\n");
    }

    private static void requireSendable(String address) {
        if (!MailAddress.isSendable(address)) {
            throw new IllegalArgumentException("not a sendable address");
        }
    }
}
