package dev.hearken.understanding.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void null_and_whitespace_become_the_empty_text() {
        assertThat(cleaner.clean(null).text()).isEmpty();
        assertThat(cleaner.clean(" \n\t\u00A0 ").text()).isEmpty();
    }

    @Test
    void html_email_bodies_become_plain_text_without_scripts_styles_or_entities() {
        String html = "<html><head><style>p{color:red}</style></head><body><p>I can&#39;t log in&nbsp;&amp; reset</p>"
                + "<script>alert(1)</script><div>my password</div></body></html>";

        CleanText clean = cleaner.clean(html);

        assertThat(clean.text()).isEqualTo("I can't log in & reset my password");
        assertThat(clean.steps()).contains("html");
    }

    @Test
    void quoted_reply_chains_are_cut_at_the_reply_header() {
        String mail = "Still not fixed, please refund me.\n\nOn Mon, 3 Nov 2025 at 10:00, Support <help@x.com> wrote:\n"
                + "> Thanks for your patience, we are looking into it.\n> Best, Anna";

        CleanText clean = cleaner.clean(mail);

        assertThat(clean.text()).isEqualTo("Still not fixed, please refund me.");
        assertThat(clean.steps()).contains("quoted-reply");
    }

    @Test
    void quoted_replies_in_other_languages_and_gmail_html_quotes_are_removed() {
        assertThat(cleaner.clean("Sigue sin funcionar.\nEl lun, 3 nov 2025, Soporte escribió:\n> Hola").text())
                .isEqualTo("Sigue sin funcionar.");
        assertThat(cleaner.clean("Geht immer noch nicht.\nAm 03.11.2025 um 10:00 schrieb Support:\n> Hallo").text())
                .isEqualTo("Geht immer noch nicht.");
        assertThat(cleaner.clean("<div>Still broken</div><div class=\"gmail_quote\">On Mon wrote: old text</div>").text())
                .isEqualTo("Still broken");
    }

    @Test
    void signatures_after_a_sign_off_are_stripped() {
        String mail = "The app crashes on start.\n\nBest regards,\nJohn Smith\nACME Corp\n+1 555 0100";

        assertThat(cleaner.clean(mail).text()).isEqualTo("The app crashes on start.");
        assertThat(cleaner.clean("Please help\n\nSent from my iPhone").text()).isEqualTo("Please help");
    }

    @Test
    void unpaired_surrogates_and_control_characters_are_dropped() {
        String broken = "bad\uD800 text\uDC00 here\u0000\u0007";

        CleanText clean = cleaner.clean(broken);

        assertThat(clean.text()).isEqualTo("bad text here");
        assertThat(clean.text().codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(cleaner.clean("emoji 😀 stays").text()).isEqualTo("emoji 😀 stays");
    }

    @Test
    void a_one_megabyte_text_is_truncated_and_flagged() {
        String huge = "word ".repeat(210_000);

        CleanText clean = cleaner.clean(huge);

        assertThat(clean.truncated()).isTrue();
        assertThat(clean.text().length()).isLessThanOrEqualTo(TextCleaner.MAX_CLEAN_CHARS);
        assertThat(clean.steps()).contains("truncated");
    }
}
