package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailCopyTest {

    private final Template template = new Template("t", null, Template.copies("en", "default", "Push", "Body"), Map.of(
            "en", Map.of("default", new EmailCopy("Welcome, {firstName}", "Hi {firstName}", "<p>Hi {firstName}</p>")),
            "zh", Map.of("default", new EmailCopy("欢迎, {firstName}", "你好 {firstName}", null)),
            "pt-BR", Map.of("control", new EmailCopy("Oi", "Oi", null), "urgency", new EmailCopy("Corra", "Corra", null))));

    @Test
    void email_copy_follows_the_locale_and_variant_fallbacks_on_its_own() {
        assertThat(template.resolveEmail("zh-Hans-CN", null)).get().extracting(Template.LocalisedEmail::locale).isEqualTo("zh");
        assertThat(template.resolveEmail("pt-BR", "urgency")).get().extracting(Template.LocalisedEmail::variant).isEqualTo("urgency");
        assertThat(template.resolveEmail("pt-BR", "social-proof")).get().extracting(Template.LocalisedEmail::variant).isEqualTo("control");
        assertThat(template.resolveEmail("de", null)).get().extracting(Template.LocalisedEmail::locale).isEqualTo("en");
        assertThat(template.resolve("zh", null)).get().extracting(Template.Localised::locale).isEqualTo("en");
    }

    @Test
    void data_is_html_escaped_in_the_html_body_only() {
        EmailCopy rendered = template.resolveEmail("en", null).orElseThrow()
                .render(Map.of("firstName", "<script>alert('x')</script> & \"co\""));

        assertThat(rendered.html()).isEqualTo("<p>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>");
        assertThat(rendered.text()).isEqualTo("Hi <script>alert('x')</script> & \"co\"");
    }

    @Test
    void the_subject_is_one_line_of_at_most_150_code_points() {
        EmailCopy copy = new EmailCopy("Hi {name}", "t", null);

        assertThat(copy.render(Map.of("name", "Ana\r\nBcc: x@example.org")).subject()).isEqualTo("Hi Ana Bcc: x@example.org");
        String cut = copy.render(Map.of("name", "🎉".repeat(200))).subject();
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(150);
        assertThat(cut).endsWith("🎉…");
    }
}
