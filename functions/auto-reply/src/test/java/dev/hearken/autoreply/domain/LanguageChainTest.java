package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageChainTest {

    @Test
    void brazilian_portuguese_tries_pt_BR_then_pt_then_english() {
        assertThat(LanguageChain.of("pt-BR", "pt")).containsExactly("pt-BR", "pt", "en");
        assertThat(LanguageChain.of("pt_br", null)).containsExactly("pt-BR", "pt", "en");
    }

    @Test
    void the_locale_comes_before_the_detected_language() {
        assertThat(LanguageChain.of("es-MX", "ru")).containsExactly("es-MX", "es", "ru", "en");
    }

    @Test
    void undetermined_or_missing_languages_end_in_english() {
        assertThat(LanguageChain.of(null, "und")).containsExactly("en");
        assertThat(LanguageChain.of("", null)).containsExactly("en");
        assertThat(LanguageChain.of("zh-hant", "zh")).containsExactly("zh-Hant", "zh", "en");
    }
}
