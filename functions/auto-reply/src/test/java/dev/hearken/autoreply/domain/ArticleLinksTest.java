package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.autoreply.template.QuteRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {

    private static final String HUMAN_PT = HumanPath.sentence(ReplyChannel.Kind.TICKET, "pt").orElseThrow();
    private static final String HUMAN_EN = HumanPath.sentence(ReplyChannel.Kind.TICKET, "en").orElseThrow();

    private final ArticleLinks links = new ArticleLinks("https://help.acme.test",
            Map.of("pt", "https://ajuda.acme.test", "DE", "https://hilfe.acme.test"));

    @Test
    void a_language_with_a_link_of_its_own_gets_it_whatever_the_case_of_the_key() {
        assertThat(links.forLanguage("pt")).isEqualTo("https://ajuda.acme.test");
        assertThat(links.forLanguage("de")).isEqualTo("https://hilfe.acme.test");
    }

    @Test
    void a_regional_tag_falls_back_to_its_base_language_then_to_the_default() {
        assertThat(links.forLanguage("pt-BR")).isEqualTo("https://ajuda.acme.test");
        assertThat(links.forLanguage("fr-CA")).isEqualTo("https://help.acme.test");
        assertThat(links.forLanguage(null)).isEqualTo("https://help.acme.test");
    }

    @Test
    void the_article_link_placeholder_takes_the_link_of_the_language_the_reply_is_written_in() {
        InMemory.Catalogue catalogue = new InMemory.Catalogue()
                .add(ReplyTemplate.of("ticket:how_to", "pt", "Veja {articleLink}\n\n" + HUMAN_PT))
                .add(ReplyTemplate.of("ticket:how_to", "en", "See {articleLink}\n\n" + HUMAN_EN));
        ReplyComposer composer = new ReplyComposer(catalogue, new QuteRenderer(), (experiment, unit) -> Optional.empty());
        Placeholders placeholders = new Placeholders("Ana", "Acme", links, "1");

        String portuguese = composer.compose(ReplyChannel.Kind.TICKET, List.of("ticket:how_to"),
                LanguageChain.of("pt-BR", "pt"), placeholders, "r1").orElseThrow().text();
        // No Japanese template: the English fallback is sent, with the default link (not a Japanese one).
        String fallback = composer.compose(ReplyChannel.Kind.TICKET, List.of("ticket:how_to"),
                LanguageChain.of("ja", "ja"), new Placeholders("Ana", "Acme",
                        new ArticleLinks("https://help.acme.test", Map.of("ja", "https://jp.acme.test")), "1"), "r2")
                .orElseThrow().text();

        assertThat(portuguese).startsWith("Veja https://ajuda.acme.test");
        assertThat(fallback).startsWith("See https://help.acme.test");
    }
}
