package dev.hearken.autoreply.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.autoreply.domain.MailReply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MimeReplyTest {

    private static final MimeReply.Sender SENDER = new MimeReply.Sender("support@mail.hearken.example",
            "Hearken Support", "support@mail.hearken.example");
    private static final Instant DATE = Instant.parse("2026-03-02T09:15:04Z");

    private static String build(String toName, String subject, String body) {
        return MimeReply.build(SENDER, new MimeReply.Original("ana@example.com", toName, "<orig-1@mail.example.com>",
                "<root@mail.example.com> <prev@mail.example.com>"), new MailReply(subject, body, "de"), DATE);
    }

    private static String head(String message) {
        return message.substring(0, message.indexOf("\r\n\r\n"));
    }

    private static String header(String message, String name) {
        for (String line : head(message).replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** Decodes every {@code =?UTF-8?B?…?=} word (adjacent words join without the space between them). */
    private static String decode(String value) {
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=").matcher(value.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        return out.isEmpty() ? value : out.toString();
    }

    @Test
    void the_answer_threads_under_the_original_and_says_it_is_automatic() {
        String mime = build("Ana", "Re: Export", "Hallo.\n\nAntworten Sie auf diese Nachricht.");

        assertThat(header(mime, "From")).isEqualTo("\"Hearken Support\" <support@mail.hearken.example>");
        assertThat(header(mime, "To")).isEqualTo("\"Ana\" <ana@example.com>");
        assertThat(header(mime, "Reply-To")).isEqualTo("support@mail.hearken.example");
        assertThat(header(mime, "Subject")).isEqualTo("Re: Export");
        assertThat(header(mime, "In-Reply-To")).isEqualTo("<orig-1@mail.example.com>");
        assertThat(header(mime, "References"))
                .isEqualTo("<root@mail.example.com> <prev@mail.example.com> <orig-1@mail.example.com>");
        assertThat(header(mime, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(header(mime, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(header(mime, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(header(mime, "Content-Language")).isEqualTo("de");
        assertThat(header(mime, "Date")).isEqualTo("Mon, 2 Mar 2026 09:15:04 +0000");
        assertThat(header(mime, "Message-ID")).matches("<[0-9a-f-]{36}@mail\\.hearken\\.example>");
    }

    @Test
    void the_body_is_utf8_base64_with_crlf_line_ends_and_lines_under_the_limit() {
        String body = "Hallo Zoë,\n\n日本語のテキスト — " + "lang ".repeat(60);
        String mime = build("Ana", "Re: x", body);

        String encoded = mime.substring(mime.indexOf("\r\n\r\n") + 4);
        assertThat(Arrays.stream(encoded.split("\r\n"))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        String decoded = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(body.replace("\n", "\r\n"));
        assertThat(mime).doesNotContain("\n\n").matches("(?s)[\\x00-\\x7F]*"); // CRLF only, 7-bit on the wire
    }

    @Test
    void non_ascii_subjects_and_names_become_encoded_words_of_at_most_75_characters() {
        String subject = "Re: Не могу экспортировать альбомы после обновления до версии 5.2.0, помогите пожалуйста";
        String mime = build("Zoë Ωmega 🚀", subject, "x");

        String rawSubject = head(mime).replaceAll("(?s).*\r\nSubject: (.*?)\r\n(?=\\S).*", "$1");
        assertThat(rawSubject.split("\r\n ")).hasSizeGreaterThan(1)
                .allSatisfy(word -> assertThat(word).matches("=\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?=").hasSizeLessThanOrEqualTo(75));
        assertThat(decode(header(mime, "Subject"))).isEqualTo(subject);
        assertThat(decode(header(mime, "To").replace(" <ana@example.com>", ""))).isEqualTo("Zoë Ωmega 🚀");
    }

    @Test
    void a_line_break_in_a_subject_or_name_cannot_add_a_header() {
        String mime = build("Ana\r\nBcc: victim@evil.example", "Export\r\nBcc: victim@evil.example\nX-Evil: 1", "x");

        List<String> names = Arrays.stream(head(mime).split("\r\n")).filter(l -> !l.startsWith(" "))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertThat(names).doesNotContain("Bcc", "X-Evil");
        assertThat(header(mime, "Subject")).isEqualTo("Export Bcc: victim@evil.example X-Evil: 1");
    }

    @Test
    void malformed_message_ids_are_left_out_instead_of_copied_into_headers() {
        String mime = MimeReply.build(SENDER, new MimeReply.Original("ana@example.com", null, "not an id\r\nBcc: x@y.z",
                "<ok@a.example> junk <also\r\nbad>"), new MailReply("Re: x", "x", "en"), DATE);

        assertThat(header(mime, "In-Reply-To")).isNull();
        assertThat(header(mime, "References")).isNull();
        assertThat(header(mime, "To")).isEqualTo("ana@example.com");
        String threaded = MimeReply.build(SENDER, new MimeReply.Original("ana@example.com", null, "<p@a.example>",
                "<ok@a.example> junk <also\r\nbad> <b@c.example>"), new MailReply("Re: x", "x", "en"), DATE);
        assertThat(header(threaded, "References")).isEqualTo("<ok@a.example> <b@c.example> <p@a.example>");
    }

    @Test
    void an_address_that_is_not_plain_is_refused() {
        assertThatThrownBy(() -> MimeReply.build(SENDER, new MimeReply.Original("ana@example.com\r\nBcc: x@y.z", null,
                null, null), new MailReply("x", "x", "en"), DATE)).isInstanceOf(IllegalArgumentException.class);
    }
}
