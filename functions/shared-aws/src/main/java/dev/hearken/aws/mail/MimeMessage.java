package dev.hearken.aws.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 5322 / MIME message written by hand for SES {@code SendRawEmail}: no mail library is served by
 * our Maven mirror (jakarta.mail and Angus are not), and what we send is small — one text part, or text
 * and HTML as {@code multipart/alternative} (text first: RFC 2046 §5.1.4, the last part is preferred).
 *
 * <p>The message is 7-bit ASCII with CRLF line ends, so every relay accepts it: UTF-8 display names and
 * subjects become RFC 2047 base64 encoded-words (at most 75 characters, whole characters, folded one per
 * line), bodies are UTF-8, CRLF-normalised (the canonical form of {@code text/*}, RFC 2046 §4.1.1) and
 * base64 in 76-character lines.
 *
 * <p>No input can add a header: addresses must be plain ASCII {@code local@domain}, names and the subject
 * lose control characters and are quoted or encoded, extra header values must be printable ASCII,
 * {@code In-Reply-To}/{@code References} keep only well-formed {@code <left@right>} ids, and the writer
 * refuses any header line that is not ASCII, longer than 998 characters (RFC 5322 §2.1.1) or folded other
 * than with CRLF + space. What is wrong with an address, a header or a URL throws
 * {@link IllegalArgumentException}; optional metadata that is malformed (a message id, a language tag) is
 * left out, since a message without it is still correct. Whether an address is one we <em>want</em> to
 * write to is the caller's policy.
 *
 * <p>Plain Java without reflection, so it works in a native image.
 */
public final class MimeMessage {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /** Printable ASCII without whitespace, angle brackets, quotes or a second {@code @} on either side. */
    private static final Pattern MSG_ID = Pattern.compile("<[\\x21-\\x7E&&[^<>\"@]]+@[\\x21-\\x7E&&[^<>\"@]]+>");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7E&&[^<>\"]]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]*");
    /** What the writer emits for any header: printable ASCII, folded only with CRLF + space. */
    private static final Pattern FOLDED = Pattern.compile("[\\x20-\\x7E]*(\r\n [\\x20-\\x7E]+)*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
    /** Display names that need no encoding, only quotes. */
    private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z0-9 .'-]+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
    /** Headers the builder writes itself; {@link Builder#header} refuses them so each appears once. */
    private static final Set<String> MANAGED = Set.of("from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date",
            "message-id", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding",
            "content-language", "list-unsubscribe", "list-unsubscribe-post");
    /** RFC 5322 §2.1.1: lines SHOULD fit 78 characters; plain text longer than that is encoded and folded. */
    private static final int LINE = 78;
    /** RFC 5322 §2.1.1: lines MUST NOT exceed 998 characters. */
    private static final int MAX_LINE = 998;
    /** RFC 2047 §2: a line holding encoded-words is limited to 76 characters, a word to 75. */
    private static final int ENCODED_LINE = 76;
    /** UTF-8 bytes per encoded-word: 45 bytes → 60 base64 characters, 72 with the delimiters. */
    private static final int WORD_BYTES = 45;
    /** RFC 5322 §3.6.4 suggests trimming long References chains; the first and the newest ids keep the thread. */
    static final int MAX_REFERENCES = 10;
    /** A message id longer than this could not share a header line with the header's name. */
    private static final int MAX_ID = 900;
    private static final int MAX_LANGUAGE = 64;
    private static final int MAX_ADDRESS = 254;

    private final String raw;
    private final String messageId;

    private MimeMessage(String raw, String messageId) {
        this.raw = raw;
        this.messageId = messageId;
    }

    /** A builder; {@code from}, {@code to}, {@code subject}, {@code date} and {@code text} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The whole message, headers and body, CRLF line ends, 7-bit ASCII: the SES raw message data. */
    public String raw() {
        return raw;
    }

    /** The {@code Message-ID} written, when the builder was asked to generate one. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** Collects the parts of a message; every setter validates what it is given. */
    public static final class Builder {

        private String from;
        private String to;
        private String replyTo;
        private String subject;
        private ZonedDateTime date;
        private String messageIdDomain;
        private String inReplyTo;
        private List<String> references = List.of();
        private String contentLanguage;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String text;
        private String html;

        private Builder() {}

        /**
         * The sender.
         *
         * @param displayName shown name, or {@code null}
         * @throws IllegalArgumentException when the address is not a plain {@code local@domain}
         */
        public Builder from(String address, String displayName) {
            this.from = mailbox("From", displayName, requireAddress(address));
            return this;
        }

        /**
         * The one recipient.
         *
         * @param displayName shown name, or {@code null}
         * @throws IllegalArgumentException when the address is not a plain {@code local@domain}
         */
        public Builder to(String address, String displayName) {
            this.to = mailbox("To", displayName, requireAddress(address));
            return this;
        }

        /**
         * Where answers go, or {@code null} for none.
         *
         * @throws IllegalArgumentException when the address is not a plain {@code local@domain}
         */
        public Builder replyTo(String address) {
            this.replyTo = address == null ? null : requireAddress(address);
            return this;
        }

        /** The subject: control characters become spaces; not printable ASCII or too long for a line → encoded-words. */
        public Builder subject(String subject) {
            this.subject = unstructured("Subject", Objects.requireNonNull(subject, "subject"));
            return this;
        }

        /** The {@code Date} header, in the offset of {@code date}. */
        public Builder date(ZonedDateTime date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Generate a {@code Message-ID} (a random UUID) on {@code domain}, normally the sender's.
         *
         * @throws IllegalArgumentException when {@code domain} is not a host name
         */
        public Builder generateMessageId(String domain) {
            if (domain == null || !DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("not a domain for a Message-ID");
            }
            this.messageIdDomain = domain.toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Thread the message under {@code parentId} (RFC 5322 §3.6.4): {@code In-Reply-To} the parent,
         * {@code References} the well-formed ids of {@code references} then the parent, trimmed to the first
         * and the newest. Without a well-formed parent id neither header is written.
         *
         * @param parentId   the parent's {@code Message-ID}, or {@code null}
         * @param references the parent's {@code References}, or {@code null}
         */
        public Builder inReplyTo(String parentId, String references) {
            this.inReplyTo = wellFormedId(parentId);
            this.references = inReplyTo == null ? List.of() : MimeMessage.references(inReplyTo, references);
            return this;
        }

        /** {@code Content-Language}; left out when {@code null} or not a well-formed language tag. */
        public Builder contentLanguage(String tag) {
            this.contentLanguage = tag != null && tag.length() <= MAX_LANGUAGE && LANGUAGE.matcher(tag).matches() ? tag : null;
            return this;
        }

        /**
         * RFC 8058 one-click unsubscribe: {@code List-Unsubscribe: <url>} and
         * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}.
         *
         * @throws IllegalArgumentException when the URL is not http(s) or holds spaces, quotes or angle brackets
         */
        public Builder listUnsubscribeOneClick(String url) {
            if (url == null || !URL.matcher(url).matches()) {
                throw new IllegalArgumentException("unsubscribe URL must be http(s) without spaces, quotes or angle brackets");
            }
            headers.put("List-Unsubscribe", "<" + url + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            return this;
        }

        /**
         * Any other header, written as given, e.g. {@code Auto-Submitted: auto-replied}.
         *
         * @throws IllegalArgumentException when the name is not a plain field name, is one the builder
         *                                  writes itself or was already given, or the value is not printable ASCII
         */
        public Builder header(String name, String value) {
            if (name == null || !HEADER_NAME.matcher(name).matches() || MANAGED.contains(name.toLowerCase(Locale.ROOT))
                    || headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("header name not allowed: " + name);
            }
            if (value == null || !HEADER_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("header value must be printable ASCII on one line");
            }
            headers.put(name, value);
            return this;
        }

        /** The text/plain body. */
        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            return this;
        }

        /** An HTML alternative to the text, or {@code null} for a text-only message. */
        public Builder html(String html) {
            this.html = html;
            return this;
        }

        /**
         * The message.
         *
         * @throws IllegalStateException    when a required part is missing
         * @throws IllegalArgumentException when a header line would exceed 998 characters
         */
        public MimeMessage build() {
            if (from == null || to == null || subject == null || date == null || text == null) {
                throw new IllegalStateException("from, to, subject, date and text are required");
            }
            StringBuilder m = new StringBuilder(1024 + text.length() * 2 + (html == null ? 0 : html.length() * 2));
            writeHeader(m, "From", from);
            writeHeader(m, "To", to);
            if (replyTo != null) {
                writeHeader(m, "Reply-To", replyTo);
            }
            writeHeader(m, "Subject", subject);
            writeHeader(m, "Date", DATE.format(date));
            String messageId = messageIdDomain == null ? null : "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
            if (messageId != null) {
                writeHeader(m, "Message-ID", messageId);
            }
            if (inReplyTo != null) {
                writeHeader(m, "In-Reply-To", inReplyTo);
                writeHeader(m, "References", String.join("\r\n ", references));
            }
            headers.forEach((name, value) -> writeHeader(m, name, value));
            if (contentLanguage != null) {
                writeHeader(m, "Content-Language", contentLanguage);
            }
            writeHeader(m, "MIME-Version", "1.0");
            if (html == null) {
                part(m, "text/plain", text);
            } else {
                // "=_" cannot occur in base64, so the boundary never collides with a body line.
                String boundary = "=_hearken_" + UUID.randomUUID().toString().replace("-", "");
                writeHeader(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
                m.append("\r\n");
                m.append("--").append(boundary).append("\r\n");
                part(m, "text/plain", text);
                m.append("--").append(boundary).append("\r\n");
                part(m, "text/html", html);
                m.append("--").append(boundary).append("--\r\n");
            }
            return new MimeMessage(m.toString(), messageId);
        }
    }

    /** The headers and base64 body of one UTF-8 text part, ending with CRLF. */
    private static void part(StringBuilder m, String type, String body) {
        writeHeader(m, "Content-Type", type + "; charset=UTF-8");
        writeHeader(m, "Content-Transfer-Encoding", "base64");
        m.append("\r\n").append(BODY.encodeToString(crlf(body).getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }

    private static void writeHeader(StringBuilder m, String name, String value) {
        if (!FOLDED.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not printable ASCII folded with CRLF + space");
        }
        int first = value.indexOf("\r\n");
        if (name.length() + 2 + (first < 0 ? value.length() : first) > MAX_LINE
                || value.lines().anyMatch(line -> line.length() > MAX_LINE)) {
            throw new IllegalArgumentException(name + " would exceed " + MAX_LINE + " characters a line");
        }
        m.append(name).append(": ").append(value).append("\r\n");
    }

    /** Every line break (CRLF, CR or LF) as CRLF. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static String requireAddress(String address) {
        if (address == null || address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a plain e-mail address: refused to write it into a header");
        }
        return address;
    }

    /**
     * {@code name <address>} with the name quoted when it is a plain phrase that fits a line and as
     * encoded-words otherwise, or the bare address without a usable name. The address goes to a folded
     * line of its own when it would make the last line longer than 78 characters.
     */
    static String mailbox(String header, String displayName, String address) {
        String name = displayName == null ? "" : CONTROL.matcher(displayName).replaceAll(" ").strip();
        if (name.isEmpty()) {
            return address;
        }
        String angle = "<" + address + ">";
        String phrase = PLAIN_PHRASE.matcher(name).matches() && header.length() + 2 + name.length() + 2 <= LINE
                ? "\"" + name + "\""
                : encodedWords(name, header.length() + 2);
        int fold = phrase.lastIndexOf("\r\n");
        int lastLine = fold < 0 ? header.length() + 2 + phrase.length() : phrase.length() - fold - 2;
        return phrase + (lastLine + 1 + angle.length() > LINE ? "\r\n " : " ") + angle;
    }

    /**
     * Unstructured text (a subject) for header {@code header}: control characters as spaces, as is when
     * printable ASCII that fits a 78-character line (and does not look like an encoded-word), else
     * encoded-words.
     */
    static String unstructured(String header, String value) {
        String clean = CONTROL.matcher(value).replaceAll(" ").strip();
        if (PRINTABLE.matcher(clean).matches() && !clean.contains("=?") && header.length() + 2 + clean.length() <= LINE) {
            return clean;
        }
        return encodedWords(clean, header.length() + 2);
    }

    /**
     * RFC 2047 B encoding in UTF-8, one word per folded line, split on code point boundaries (a word holds
     * whole characters, §5). Each word has at most {@value #WORD_BYTES} bytes (72 characters); the first
     * fewer, so that it fits a 76-character line after the {@code prefix} ({@code "Subject: "}).
     */
    static String encodedWords(String value, int prefix) {
        List<String> words = new ArrayList<>();
        // "=?UTF-8?B?" + "?=" is 12 characters; 4 base64 characters carry 3 bytes.
        int budget = Math.max(3, Math.min(WORD_BYTES, (ENCODED_LINE - prefix - 12) / 4 * 3));
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int n = utf8Length(cp);
            if (bytes + n > budget && !chunk.isEmpty()) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
                budget = WORD_BYTES;
            }
            chunk.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        if (!chunk.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return String.join("\r\n ", words);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A well-formed {@code <left@right>}, stripped, or {@code null}. */
    static String wellFormedId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() <= MAX_ID && MSG_ID.matcher(v).matches() ? v : null;
    }

    /**
     * The {@code References} of a reply to {@code parentId}: the distinct well-formed ids of the parent's
     * {@code references}, then the parent; when more than {@value #MAX_REFERENCES}, the first (the thread's
     * root) and the newest ones.
     */
    static List<String> references(String parentId, String references) {
        List<String> ids = new ArrayList<>();
        if (references != null) {
            Matcher m = MSG_ID.matcher(references);
            while (m.find()) {
                if (m.group().length() <= MAX_ID && !ids.contains(m.group()) && !m.group().equals(parentId)) {
                    ids.add(m.group());
                }
            }
        }
        ids.add(parentId);
        if (ids.size() <= MAX_REFERENCES) {
            return ids;
        }
        List<String> trimmed = new ArrayList<>(MAX_REFERENCES);
        trimmed.add(ids.get(0));
        trimmed.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
        return trimmed;
    }
}
