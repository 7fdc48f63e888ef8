package dev.hearken.autoreply.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.autoreply.domain.ArticleLinks;
import dev.hearken.autoreply.domain.Placeholders;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private final QuteRenderer qute = new QuteRenderer();

    @Test
    void placeholders_are_filled_and_a_missing_name_takes_the_else_branch() {
        String source = "{#if name}Hi {name}{#else}Hi there{/if}, about {app} ({ticketId}): {articleLink}";

        assertThat(qute.render(source, new Placeholders("Ana", "Acme", ArticleLinks.of("https://h.test/1"), "42").values()))
                .isEqualTo("Hi Ana, about Acme (42): https://h.test/1");
        assertThat(qute.render(source, new Placeholders(null, "Acme", ArticleLinks.of("https://h.test/1"), "42").values()))
                .isEqualTo("Hi there, about Acme (42): https://h.test/1");
    }

    @Test
    void a_name_cannot_inject_html_markdown_or_template_syntax() {
        String source = "Hello {name}.";

        String html = qute.render(source, new Placeholders("<img src=x onerror=alert(1)>", null, null, null).values());
        String markdown = qute.render(source, new Placeholders("[click](http://evil.test) **now**", null, null, null).values());
        String template = qute.render(source, new Placeholders("{app} {{ticket.requester.email}}", null, null, null).values());

        assertThat(html).doesNotContain("<", ">", "=").isEqualTo("Hello img src x onerror alert 1.");
        assertThat(markdown).doesNotContain("[", "]", "(", ")", "*", ":", "/");
        assertThat(template).doesNotContain("{", "}");
    }

    @Test
    void names_keep_their_letters_in_any_script_and_are_bounded() {
        assertThat(new Placeholders("José Ñúñez-O'Brien", null, null, null).values().get("name"))
                .isEqualTo("José Ñúñez-O'Brien");
        assertThat(new Placeholders("山田 太郎", null, null, null).values().get("name")).isEqualTo("山田 太郎");
        assertThat((String) new Placeholders("x".repeat(500), null, null, null).values().get("name"))
                .hasSize(Placeholders.MAX_NAME);
    }

    @Test
    void a_broken_template_is_an_illegal_argument() {
        assertThatThrownBy(() -> qute.render("{#if name}never closed", new Placeholders("a", null, null, null).values()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
