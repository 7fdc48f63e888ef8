package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What copy an operator may store: the lengths devices show, one-line subjects, placeholders that close. */
class PushTemplateRulesTest {

    private static final String SIXTY_FIVE = "x".repeat(Copy.MAX_TITLE);

    @Test
    void copy_at_the_display_limits_with_placeholders_is_accepted() {
        assertThatCode(() -> PushTemplateRules.check("variants.a", new Copy(SIXTY_FIVE, "{firstName}, " + "y".repeat(200))))
                .doesNotThrowAnyException();
        assertThatCode(() -> PushTemplateRules.check("variants.a", new Copy("", "Just a body"))).doesNotThrowAnyException();
    }

    @Test
    void a_title_longer_than_devices_show_is_refused_naming_the_title() {
        assertThatThrownBy(() -> PushTemplateRules.check("variants.a", new Copy(SIXTY_FIVE + "x", "b")))
                .isInstanceOf(InvalidTemplateException.class)
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("variants.a.title");
    }

    @Test
    void lengths_count_code_points_so_an_emoji_is_one_character() {
        String emojis = "🎵".repeat(Copy.MAX_TITLE); // 130 UTF-16 units, 65 code points
        assertThatCode(() -> PushTemplateRules.check("variants.a", new Copy(emojis, "b"))).doesNotThrowAnyException();
    }

    @Test
    void a_blank_or_too_long_body_is_refused_naming_the_body() {
        assertThatThrownBy(() -> PushTemplateRules.check("variants.a", new Copy("t", " ")))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("variants.a.body");
        assertThatThrownBy(() -> PushTemplateRules.check("variants.a", new Copy("t", "b".repeat(Copy.MAX_BODY + 1))))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("variants.a.body");
    }

    @Test
    void a_placeholder_that_does_not_close_or_has_a_space_is_refused() {
        assertThatThrownBy(() -> PushTemplateRules.check("variants.a", new Copy("Hi {firstName", "b")))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("variants.a.title");
        assertThatThrownBy(() -> PushTemplateRules.check("variants.a", new Copy("t", "Hi {first name}")))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("variants.a.body");
        assertThatCode(() -> PushTemplateRules.check("variants.a", new Copy("t", "Braces { alone } are text")))
                .doesNotThrowAnyException();
    }

    @Test
    void an_email_subject_must_be_one_line_and_the_text_part_is_required() {
        assertThatThrownBy(() -> PushTemplateRules.check("email.a", new EmailCopy("Hi\r\nBcc: x@example.com", "t", null)))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("email.a.subject");
        assertThatThrownBy(() -> PushTemplateRules.check("email.a", new EmailCopy("Hi", "", "<p>html only</p>")))
                .extracting(e -> ((InvalidTemplateException) e).field()).isEqualTo("email.a.text");
        assertThatCode(() -> PushTemplateRules.check("email.a", new EmailCopy("Hi", "t", "<style>p { color: red }</style>")))
                .doesNotThrowAnyException();
    }
}
