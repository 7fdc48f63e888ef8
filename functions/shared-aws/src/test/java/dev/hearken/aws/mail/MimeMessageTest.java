package dev.hearken.aws.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MimeMessageTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 3, 2, 9, 15, 4, 0, ZoneOffset.UTC);
    private static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");

    private static MimeMessage.Builder minimal() {
        return MimeMessage.builder()
                .from("support@mail.hearken.example", "Hearken Support")
                .to("ana@example.com", "Ana")
                .subject("Re: Export")
                .date(DATE)
                .text("Hallo.");
    }

    private static String head(String raw) {
        return raw.substring(0, raw.indexOf("\r\n\r\n"));
    }

    /** The unfolded value of the first header called {@code name}, or {@code null}. */
    private static String header(String raw, String name) {
        for (String line : head(raw).replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** The raw (folded) value of header {@code name}. */
    private static String folded(String raw, String name) {
        return head(raw).replaceAll("(?s).*?(?:^|\r\n)" + name + ": (.*?)(?:\r\n(?=\\S).*)?$", "$1");
    }

    private static List<String> headerNames(String raw) {
        return Arrays.stream(head(raw).split("\r\n")).filter(l -> !l.startsWith(" "))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    /** Decodes each encoded-word on its own, strictly: a word holding half a character fails. */
    private static String decodeStrictly(String value) throws CharacterCodingException {
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getDecoder().decode(m.group(1)))));
        }
        return out.toString();
    }

    private static String body(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    }

    @Test
    void a_text_message_is_seven_bit_with_crlf_line_ends_and_a_base64_utf8_body() {
        String text = "Hallo Zoë,\n\n日本語のテキスト —\r" + "lang ".repeat(60) + "\r\nEnde";

        String raw = minimal().text(text).build().raw();

        assertThat(headerNames(raw)).containsExactly("From", "To", "Subject", "Date", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding");
        assertThat(header(raw, "From")).isEqualTo("\"Hearken Support\" <support@mail.hearken.example>");
        assertThat(header(raw, "To")).isEqualTo("\"Ana\" <ana@example.com>");
        assertThat(header(raw, "Date")).isEqualTo("Mon, 2 Mar 2026 09:15:04 +0000");
        assertThat(header(raw, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        String encoded = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(encoded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(body(encoded)).isEqualTo("Hallo Zoë,\r\n\r\n日本語のテキスト —\r\n" + "lang ".repeat(60) + "\r\nEnde");
        assertThat(raw).matches("(?s)[\\x00-\\x7F]*").doesNotContain("\n\n").endsWith("\r\n")
                .doesNotContainPattern("[^\r]\n|\r[^\n]");
    }

    @Test
    void the_date_keeps_the_offset_it_is_given() {
        String raw = minimal().date(ZonedDateTime.of(2026, 7, 14, 8, 0, 0, 0, ZoneId.of("Europe/Berlin"))).build().raw();

        assertThat(header(raw, "Date")).isEqualTo("Tue, 14 Jul 2026 08:00:00 +0200");
    }

    @Test
    void a_printable_ascii_subject_that_fits_a_line_is_kept_and_anything_else_becomes_encoded_words() {
        assertThat(MimeMessage.unstructured("Subject", "Re: Export")).isEqualTo("Re: Export");
        assertThat(MimeMessage.unstructured("Subject", "  tabs\tand\r\nbreaks ")).isEqualTo("tabs and breaks");
        assertThat(MimeMessage.unstructured("Subject", "Looks =?UTF-8?B?like?= a word")).startsWith("=?UTF-8?B?");
        assertThat(MimeMessage.unstructured("Subject", "x".repeat(69))).isEqualTo("x".repeat(69));
        assertThat(MimeMessage.unstructured("Subject", "x".repeat(70))).startsWith("=?UTF-8?B?");
        assertThat(MimeMessage.unstructured("Subject", "Olá")).isEqualTo("=?UTF-8?B?T2zDoQ==?=");
    }

    @Test
    void encoded_words_hold_whole_characters_and_fit_their_lines() throws CharacterCodingException {
        String subject = "春のセール: Premium 40%オフ — 3日間限定、今アップグレードすると1年間この価格のまま 🎉🎉🎉"
                + " Не могу экспортировать альбомы 👩‍👩‍👧‍👦🚀";

        String raw = minimal().subject(subject).build().raw();

        String value = folded(raw, "Subject");
        assertThat(value.split("\r\n ")).hasSizeGreaterThan(2)
                .allSatisfy(word -> assertThat(word).matches(WORD).hasSizeLessThanOrEqualTo(75));
        assertThat(("Subject: " + value).split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76));
        assertThat(decodeStrictly(value)).isEqualTo(subject);
    }

    @Test
    void words_split_between_code_points_at_every_offset() throws CharacterCodingException {
        for (int pad = 0; pad < 4; pad++) {
            String text = "a".repeat(pad) + "😀€é".repeat(20);

            String words = MimeMessage.encodedWords(text, 9);

            assertThat(decodeStrictly(words)).isEqualTo(text);
            assertThat(words.split("\r\n ")).allSatisfy(word -> assertThat(word).hasSizeLessThanOrEqualTo(75));
        }
    }

    @Test
    void a_display_name_is_quoted_when_plain_and_encoded_otherwise() throws CharacterCodingException {
        assertThat(MimeMessage.mailbox("From", "Lumen", "n@mail.hearken.example")).isEqualTo("\"Lumen\" <n@mail.hearken.example>");
        assertThat(MimeMessage.mailbox("From", " \r\n ", "n@mail.hearken.example")).isEqualTo("n@mail.hearken.example");
        assertThat(MimeMessage.mailbox("From", null, "n@mail.hearken.example")).isEqualTo("n@mail.hearken.example");
        assertThat(MimeMessage.mailbox("From", "O\"Brien, Inc.", "n@mail.hearken.example")).startsWith("=?UTF-8?B?");

        String raw = minimal().to("zoe@example.com", "Zoë Ωmega 🚀").build().raw();

        assertThat(decodeStrictly(header(raw, "To"))).isEqualTo("Zoë Ωmega 🚀");
        assertThat(header(raw, "To")).endsWith("?= <zoe@example.com>");
    }

    @Test
    void a_long_name_leaves_the_address_on_a_line_of_its_own() {
        String address = "a.very.long.local.part.for.testing@subdomain.of.a.long.example.com";

        String mailbox = MimeMessage.mailbox("To", "Ωmega ".repeat(12), address);

        assertThat(mailbox).endsWith("?=\r\n <" + address + ">");
        assertThat(("To: " + mailbox).split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    }

    @Test
    void a_line_break_in_a_subject_or_name_cannot_add_a_header() {
        String raw = minimal().to("ana@example.com", "Ana\r\nBcc: victim@evil.example")
                .subject("Export\r\nBcc: victim@evil.example\nX-Evil: 1").build().raw();

        assertThat(headerNames(raw)).doesNotContain("Bcc", "X-Evil");
        assertThat(header(raw, "Subject")).isEqualTo("Export Bcc: victim@evil.example X-Evil: 1");
    }

    @Test
    void an_address_that_is_not_a_plain_local_at_domain_is_refused() {
        List<String> bad = Arrays.asList(null, "", "ana@example.com\r\nBcc: x@y.example", "ana @example.com",
                "<ana@example.com>", "\"ana\"@example.com", "ana", "ana@", "@example.com", "ana@example",
                "ana@@example.com", "zoë@example.com", "ana@exa mple.com", "ana.@example.com", "ana@-x.example.com",
                "ana\u0000@example.com", "a".repeat(250) + "@example.com");

        assertThat(bad).allSatisfy(address -> {
            assertThatThrownBy(() -> MimeMessage.builder().to(address, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MimeMessage.builder().from(address, "x")).isInstanceOf(IllegalArgumentException.class);
            if (address != null) {
                assertThatThrownBy(() -> MimeMessage.builder().replyTo(address)).isInstanceOf(IllegalArgumentException.class);
            }
        });
        assertThat(minimal().to("o'hara+tag@sub.example.co.uk", null).build().raw()).contains("\r\nTo: o'hara+tag@sub.example.co.uk\r\n");
    }

    @Test
    void extra_headers_must_be_printable_ascii_and_not_ones_the_writer_owns() {
        MimeMessage.Builder builder = minimal().header("Auto-Submitted", "auto-replied");

        assertThatThrownBy(() -> builder.header("X-Evil", "1\r\nBcc: x@y.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("X-Name", "Zoë")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("Bad Name", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("X:Y", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("subject", "second subject")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("Bcc", "x@y.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("auto-submitted", "no")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("List-Unsubscribe", "<javascript:x>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(header(builder.build().raw(), "Auto-Submitted")).isEqualTo("auto-replied");
    }

    @Test
    void one_click_unsubscribe_writes_both_headers_and_refuses_a_url_that_could_break_out() {
        String url = "https://hearken.example/mail/unsubscribe?program=onboarding&token=abc_-1";

        String raw = minimal().listUnsubscribeOneClick(url).build().raw();

        assertThat(raw).contains("\r\nList-Unsubscribe: <" + url + ">\r\n",
                "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        assertThat(Arrays.asList(null, "mailto:x@y.example", "https://x.example/u>\r\nX: y", "https://x.example/a b",
                "https://x.example/\"", "https://x.example/ü")).allSatisfy(bad -> assertThatThrownBy(
                        () -> minimal().listUnsubscribeOneClick(bad)).isInstanceOf(IllegalArgumentException.class));
        assertThatThrownBy(() -> minimal().listUnsubscribeOneClick("https://x.example/" + "a".repeat(1000)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("998");
    }

    @Test
    void an_html_body_makes_a_multipart_alternative_with_text_first() {
        String raw = minimal().text("Olá\nAna").html("<p>Olá</p>\n<p>Ana</p>").build().raw();

        String contentType = header(raw, "Content-Type");
        assertThat(contentType).matches("multipart/alternative; boundary=\"=_hearken_[0-9a-f]{32}\"");
        String boundary = contentType.replaceAll(".*boundary=\"(.*)\"", "$1");
        String[] sections = raw.substring(raw.indexOf("\r\n\r\n") + 4).split("--" + Pattern.quote(boundary), -1);
        assertThat(sections).hasSize(4);
        assertThat(sections[0]).isEmpty();
        assertThat(sections[3]).isEqualTo("--\r\n");
        assertThat(sections[1]).startsWith("\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        assertThat(sections[2]).startsWith("\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        assertThat(body(sections[1].split("\r\n\r\n", 2)[1])).isEqualTo("Olá\r\nAna");
        assertThat(body(sections[2].split("\r\n\r\n", 2)[1])).isEqualTo("<p>Olá</p>\r\n<p>Ana</p>");
    }

    @Test
    void threading_headers_hold_well_formed_ids_only() {
        String raw = minimal().inReplyTo(" <orig-1@mail.example.com> ",
                "<root@mail.example.com> junk <also\r\nbad> <zoë@x.example> <prev@mail.example.com> <orig-1@mail.example.com>")
                .build().raw();

        assertThat(header(raw, "In-Reply-To")).isEqualTo("<orig-1@mail.example.com>");
        assertThat(folded(raw, "References"))
                .isEqualTo("<root@mail.example.com>\r\n <prev@mail.example.com>\r\n <orig-1@mail.example.com>");
        assertThat(Arrays.asList(null, "", "not an id", "<a@b>\r\nBcc: x@y.example", "<a b@c>", "<a@b@c>", "a@b"))
                .allSatisfy(parent -> assertThat(headerNames(minimal().inReplyTo(parent, "<root@a.example>").build().raw()))
                        .doesNotContain("In-Reply-To", "References"));
    }

    @Test
    void a_long_references_chain_keeps_the_root_and_the_newest_ids_up_to_ten() {
        String chain = String.join(" ", IntStream.rangeClosed(1, 15).mapToObj(i -> "<m" + i + "@x.example>").toList())
                + " <m3@x.example>";

        List<String> references = MimeMessage.references("<parent@x.example>", chain);

        assertThat(references).hasSize(MimeMessage.MAX_REFERENCES).containsExactly("<m1@x.example>", "<m8@x.example>",
                "<m9@x.example>", "<m10@x.example>", "<m11@x.example>", "<m12@x.example>", "<m13@x.example>",
                "<m14@x.example>", "<m15@x.example>", "<parent@x.example>");
        assertThat(MimeMessage.references("<p@x.example>", null)).containsExactly("<p@x.example>");
    }

    @Test
    void a_message_id_is_generated_on_the_given_domain() {
        MimeMessage message = minimal().generateMessageId("Mail.Hearken.Example").build();

        assertThat(message.messageId()).hasValueSatisfying(id -> assertThat(id).matches("<[0-9a-f-]{36}@mail\\.hearken\\.example>"));
        assertThat(header(message.raw(), "Message-ID")).isEqualTo(message.messageId().orElseThrow());
        assertThat(minimal().build().messageId()).isEmpty();
        assertThatThrownBy(() -> minimal().generateMessageId("evil>\r\nBcc: x@y.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_language_tag_is_written_and_anything_else_left_out() {
        assertThat(header(minimal().contentLanguage("pt-BR").build().raw(), "Content-Language")).isEqualTo("pt-BR");
        assertThat(header(minimal().contentLanguage("zh-Hant-TW").build().raw(), "Content-Language")).isEqualTo("zh-Hant-TW");
        assertThat(Arrays.asList(null, "", "de\r\nBcc: x@y.example", "de_DE", "1de", "de-", "deutschland"))
                .allSatisfy(tag -> assertThat(header(minimal().contentLanguage(tag).build().raw(), "Content-Language")).isNull());
    }

    @Test
    void a_message_without_its_required_parts_is_not_built() {
        assertThatThrownBy(() -> MimeMessage.builder().from("a@b.example", null).to("c@d.example", null).subject("s")
                .date(DATE).build()).isInstanceOf(IllegalStateException.class);
    }
}
