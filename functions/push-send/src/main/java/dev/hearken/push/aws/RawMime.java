package dev.hearken.push.aws;

import dev.hearken.push.domain.Email;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes an {@link Email} as an RFC 5322 / MIME message for SES {@code SendRawEmail}.
 *
 * <ul>
 *   <li>UTF-8 throughout: a non-ASCII subject or display name as RFC 2047 encoded words ({@code =?UTF-8?B?…?=},
 *       at most 75 characters each, folded), bodies base64 in 76-character lines — the message itself is
 *       7-bit ASCII, which every relay accepts.</li>
 *   <li>{@code multipart/alternative} (text first, HTML last: RFC 2046 §5.1.4, the last part is the
 *       preferred one) when there is an HTML body, a single {@code text/plain} part otherwise.</li>
 *   <li>{@code List-Unsubscribe: <https://…>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 *       (RFC 8058; Gmail and Yahoo require one-click unsubscribe from bulk senders since 2024).</li>
 *   <li>No header injection: addresses, the URL and the locale are checked (no CR, LF or other control
 *       characters, the expected shape) and refused otherwise; the subject is always one encoded line.</li>
 * </ul>
 */
public final class RawMime {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\\\\,;:\"@]+@[A-Za-z0-9.-]+");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e&&[^<>\"]]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));

    private RawMime() {}

    /**
     * The message, CRLF line ends.
     *
     * @param from     sender address (the SES identity), e.g. {@code notifications@mail.hearken.example}
     * @param fromName display name, or {@code null}
     * @param now      the {@code Date} header
     * @throws IllegalArgumentException when an address, the URL or the locale could inject a header
     */
    public static String write(Email email, String from, String fromName, ZonedDateTime now) {
        String boundary = "=_hearken_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder m = new StringBuilder(1024);
        header(m, "From", fromName == null || fromName.isBlank() ? address(from)
                : encodeWords(fromName.strip()) + " <" + address(from) + ">");
        header(m, "To", address(email.to()));
        header(m, "Subject", subject(email.copy().subject()));
        header(m, "Date", now.format(DateTimeFormatter.RFC_1123_DATE_TIME));
        header(m, "MIME-Version", "1.0");
        if (email.locale() != null && LANGUAGE.matcher(email.locale()).matches()) {
            header(m, "Content-Language", email.locale());
        }
        if (email.unsubscribeUrl() != null) {
            header(m, "List-Unsubscribe", "<" + url(email.unsubscribeUrl()) + ">");
            header(m, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (email.copy().html() == null) {
            part(m, "text/plain", email.copy().text());
            return m.toString();
        }
        header(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        m.append("\r\n");
        m.append("--").append(boundary).append("\r\n");
        part(m, "text/plain", email.copy().text());
        m.append("\r\n--").append(boundary).append("\r\n");
        part(m, "text/html", email.copy().html());
        m.append("\r\n--").append(boundary).append("--\r\n");
        return m.toString();
    }

    /** The headers and body of one UTF-8 text part. */
    private static void part(StringBuilder m, String type, String text) {
        header(m, "Content-Type", type + "; charset=UTF-8");
        header(m, "Content-Transfer-Encoding", "base64");
        m.append("\r\n").append(BODY.encodeToString(text.getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }

    private static void header(StringBuilder m, String name, String value) {
        m.append(name).append(": ").append(value).append("\r\n");
    }

    /** Plain when printable ASCII (and not looking like an encoded word), RFC 2047 encoded words otherwise. */
    static String subject(String subject) {
        String line = subject.replaceAll("\\p{Cntrl}+", " ");
        boolean plain = line.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !line.contains("=?") && line.length() <= 70;
        return plain ? line : encodeWords(line);
    }

    /**
     * {@code text} as base64 encoded words of at most 75 characters (RFC 2047 §2), split on code point
     * boundaries (a word must hold whole characters, §5), joined by folding whitespace.
     */
    static String encodeWords(String text) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > 45) { // 45 bytes → 60 base64 characters → a 72-character word
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (out.length() > 0) {
                out.append("\r\n ");
            }
            out.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return out.toString();
    }

    private static String address(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a plain e-mail address: refused to write it into a header");
        }
        return address;
    }

    private static String url(String url) {
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("unsubscribe URL must be http(s) without spaces, quotes or angle brackets");
        }
        return url;
    }
}
