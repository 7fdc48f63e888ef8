package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.push.domain.Email;
import dev.hearken.push.domain.EmailCopy;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RawMimeTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 20, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final String UNSUBSCRIBE = "https://hearken.example/mail/unsubscribe?program=onboarding&token=abc_-1";

    private static Email email(String subject, String html) {
        return new Email("user-1", "ana@example.org", "onboarding", UNSUBSCRIBE,
                new EmailCopy(subject, "Olá, Ana! 👋", html), "pt-BR", "k1");
    }

    /** RFC 2047 encoded words of a header value, decoded. */
    static String decodeWords(String value) {
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=").matcher(value);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
            any = true;
        }
        return any ? out.toString() : value;
    }

    @Test
    void a_text_only_mail_is_one_utf8_part_with_the_one_click_unsubscribe_headers() {
        String mime = RawMime.write(email("Boas-vindas ao Lumen 🎧", null), "notifications@mail.hearken.example",
                null, NOW);

        String[] headAndBody = mime.split("\r\n\r\n", 2);
        assertThat(headAndBody[0]).contains(
                "From: notifications@mail.hearken.example\r\n",
                "To: ana@example.org\r\n",
                "List-Unsubscribe: <" + UNSUBSCRIBE + ">\r\n",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
                "Content-Language: pt-BR\r\n",
                "MIME-Version: 1.0\r\n",
                "Content-Type: text/plain; charset=UTF-8\r\n",
                "Content-Transfer-Encoding: base64");
        assertThat(decodeWords(header(mime, "Subject"))).isEqualTo("Boas-vindas ao Lumen 🎧");
        assertThat(new String(Base64.getMimeDecoder().decode(headAndBody[1].trim()), StandardCharsets.UTF_8))
                .isEqualTo("Olá, Ana! 👋");
        assertThat(mime.chars().allMatch(c -> c < 0x80)).isTrue();
        // RFC 5322 §2.1.1: at most 998 characters a line (the unsubscribe URL is not folded), bodies at 76
        assertThat(Arrays.stream(mime.split("\r\n"))).allMatch(line -> line.length() <= 998);
        assertThat(Arrays.stream(headAndBody[1].split("\r\n"))).allMatch(line -> line.length() <= 76);
    }

    @Test
    void an_html_body_makes_a_multipart_alternative_with_text_first() {
        String mime = RawMime.write(email("Hi", "<p>Olá</p>"), "notifications@mail.hearken.example", "Lumen", NOW);

        assertThat(header(mime, "Content-Type")).startsWith("multipart/alternative; boundary=\"=_hearken_");
        assertThat(mime.indexOf("text/plain")).isLessThan(mime.indexOf("text/html"));
        assertThat(header(mime, "Subject")).isEqualTo("Hi");
        assertThat(header(mime, "From")).isEqualTo("\"Lumen\" <notifications@mail.hearken.example>");
        assertThat(mime).endsWith("--\r\n");
    }

    @Test
    void a_long_subject_is_folded_into_encoded_words_that_never_split_a_character() {
        String subject = "春のセール: Premium 40%オフ — 3日間限定、今アップグレードすると1年間この価格のまま 🎉🎉🎉";

        String mime = RawMime.write(email(subject, null), "notifications@mail.hearken.example", null, NOW);

        String encoded = mime.replaceAll("(?s).*\r\nSubject: (.*?)\r\n(?=\\S).*", "$1");
        assertThat(encoded.split("\r\n ")).hasSizeGreaterThan(1).allSatisfy(word -> assertThat(word).hasSizeLessThanOrEqualTo(75)
                .startsWith("=?UTF-8?B?").endsWith("?="));
        assertThat(decodeWords(encoded)).isEqualTo(subject);
    }

    @Test
    void line_breaks_in_the_subject_cannot_start_a_header() {
        String mime = RawMime.write(email("Hi\r\nBcc: victim@example.org", null), "notifications@mail.hearken.example",
                null, NOW);

        assertThat(mime).doesNotContain("\r\nBcc:");
        assertThat(header(mime, "Subject")).isEqualTo("Hi Bcc: victim@example.org");
    }

    @Test
    void an_address_or_url_that_could_inject_a_header_is_refused() {
        Email badTo = new Email("u", "a@example.org\r\nBcc: b@example.org", "p", UNSUBSCRIBE,
                new EmailCopy("s", "t", null), "en", "k");
        Email badUrl = new Email("u", "a@example.org", "p", "https://x.example/u>\r\nX: y",
                new EmailCopy("s", "t", null), "en", "k");

        assertThatThrownBy(() -> RawMime.write(badTo, "n@mail.hearken.example", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawMime.write(badUrl, "n@mail.hearken.example", null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String header(String mime, String name) {
        String head = mime.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
