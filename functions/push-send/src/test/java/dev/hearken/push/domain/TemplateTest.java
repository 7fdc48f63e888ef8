package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Template onboarding = new Template("onboarding-day1", "onboarding-push-copy", Template.copies(
            "en", "control", "Welcome, {firstName}!", "Your first step takes a minute.",
            "en", "social-proof", "Join 2 million listeners", "{firstName}, see what others hear.",
            "pt", "control", "Bem-vindo, {firstName}!", "O primeiro passo leva um minuto.",
            "pt-BR", "control", "Boas-vindas, {firstName}!", "Seu primeiro passo leva um minuto."));

    @Test
    void the_fallback_chain_drops_subtags_then_ends_in_english() {
        assertThat(Template.fallbackChain("pt-BR")).containsExactly("pt-BR", "pt", "en");
        assertThat(Template.fallbackChain("zh-Hant-TW")).containsExactly("zh-Hant-TW", "zh-Hant", "zh", "en");
        assertThat(Template.fallbackChain("pt_BR")).containsExactly("pt-BR", "pt", "en");
        assertThat(Template.fallbackChain("en-GB")).containsExactly("en-GB", "en");
        assertThat(Template.fallbackChain(null)).containsExactly("en");
    }

    @Test
    void brazilian_portuguese_gets_its_own_copy_portugal_falls_back_to_pt_and_german_to_english() {
        assertThat(onboarding.resolve("pt-BR", "control")).get().extracting(Template.Localised::locale).isEqualTo("pt-BR");
        assertThat(onboarding.resolve("pt-PT", "control")).get().extracting(Template.Localised::locale).isEqualTo("pt");
        assertThat(onboarding.resolve("de-DE", "control")).get().extracting(Template.Localised::locale).isEqualTo("en");
    }

    @Test
    void locale_tags_match_case_insensitively() {
        assertThat(onboarding.resolve("PT-br", null)).get().extracting(Template.Localised::locale).isEqualTo("pt-BR");
    }

    @Test
    void the_assigned_variant_is_used_where_it_exists_and_control_elsewhere() {
        assertThat(onboarding.resolve("en-US", "social-proof")).get()
                .extracting(Template.Localised::variant).isEqualTo("social-proof");
        // pt-BR has no social-proof copy: the user still gets a message, in their language
        assertThat(onboarding.resolve("pt-BR", "social-proof")).get()
                .extracting(Template.Localised::variant).isEqualTo("control");
    }

    @Test
    void placeholders_are_filled_and_missing_ones_render_empty() {
        Copy copy = onboarding.resolve("pt-BR", null).orElseThrow().render(Map.of("firstName", "Ana"));

        assertThat(copy.title()).isEqualTo("Boas-vindas, Ana!");
        assertThat(Template.render("Hi {firstName}{unknown}", Map.of("firstName", "Zoë"))).isEqualTo("Hi Zoë");
        assertThat(Template.render("Cost: {price}", Map.of("price", "$5 \\ 1"))).isEqualTo("Cost: $5 \\ 1");
    }

    @Test
    void a_template_without_any_copy_resolves_to_nothing() {
        assertThat(new Template("empty", null, Map.of()).resolve("en", null)).isEmpty();
    }

    @Test
    void long_copy_is_cut_to_the_display_limits_with_an_ellipsis() {
        Copy copy = new Copy("T".repeat(100), "B".repeat(500)).fit();

        assertThat(copy.title()).hasSize(Copy.MAX_TITLE).endsWith("…");
        assertThat(copy.body()).hasSize(Copy.MAX_BODY).endsWith("…");
    }

    @Test
    void cutting_never_splits_an_emoji() {
        String text = "😀".repeat(70); // 70 code points, 140 UTF-16 chars

        String cut = Copy.truncate(text, Copy.MAX_TITLE);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(Copy.MAX_TITLE);
        assertThat(cut).doesNotContain("\uFFFD").endsWith("😀…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void copy_within_the_limits_is_unchanged() {
        assertThat(new Copy("Short", "Body").fit()).isEqualTo(new Copy("Short", "Body"));
    }
}
