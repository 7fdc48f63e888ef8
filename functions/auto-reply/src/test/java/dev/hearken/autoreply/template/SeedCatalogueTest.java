package dev.hearken.autoreply.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.HumanPath;
import dev.hearken.autoreply.domain.ArticleLinks;
import dev.hearken.autoreply.domain.Placeholders;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The versioned catalogue ({@code infra/seed/tables/reply-templates.json}) obeys the rules, every entry of it. */
class SeedCatalogueTest {

    private static final List<String> CORE = List.of("en", "es", "ru", "zh", "ja");
    private static final QuteRenderer QUTE = new QuteRenderer();

    private record Entry(String key, String language, String variant, String body) {
        ReplyChannel.Kind kind() {
            return key.startsWith("review:") ? ReplyChannel.Kind.REVIEW : ReplyChannel.Kind.TICKET;
        }
    }

    private static List<Entry> entries() throws IOException {
        JsonNode seed = new ObjectMapper().readTree(
                RepositoryRoot.get().resolve("infra/seed/tables/reply-templates.json").toFile());
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : seed) {
            String key = item.path("templateKey").asText();
            String language = item.path("language").asText();
            entries.add(new Entry(key, language, null, item.path("body").asText()));
            item.path("variants").fields().forEachRemaining(
                    v -> entries.add(new Entry(key, language, v.getKey(), v.getValue().asText())));
        }
        return entries;
    }

    @Test
    void every_template_and_variant_ends_with_the_path_to_a_human_in_its_own_language() throws IOException {
        List<Entry> entries = entries();

        assertThat(entries).hasSizeGreaterThan(50);
        for (Entry e : entries) {
            String sentence = HumanPath.sentence(e.kind(), e.language()).orElse(null);
            assertThat(sentence).as("human path known for %s/%s", e.key(), e.language()).isNotNull();
            assertThat(e.body().strip()).as("%s/%s/%s", e.key(), e.language(), e.variant()).endsWith(sentence);
            // rendered, too: no placeholder or condition may swallow it
            assertThat(HumanPath.endsWithPath(e.kind(), e.language(), render(e, "Ana"))).isTrue();
        }
    }

    @Test
    void every_key_is_complete_in_the_five_core_languages() throws IOException {
        Map<String, Set<String>> languages = new TreeMap<>();
        for (Entry e : entries()) {
            languages.computeIfAbsent(e.key(), k -> new TreeSet<>()).add(e.language());
        }

        assertThat(languages).containsKeys("ticket:how_to", "ticket:subscription_billing", "ticket:dummy",
                "review:low", "review:mid", "review:high", "review:review_bug_apology",
                "review:review_subscription_help", "review:review_praise_thanks");
        languages.forEach((key, langs) -> assertThat(langs).as(key).containsAll(CORE));
    }

    @Test
    void every_template_renders_with_and_without_a_name_and_leaves_no_placeholder_behind() throws IOException {
        for (Entry e : entries()) {
            for (String name : new String[] {"Ana", null}) {
                String text = render(e, name);
                assertThat(text).as("%s/%s", e.key(), e.language()).doesNotContain("{", "}");
                if (e.kind() == ReplyChannel.Kind.TICKET) {
                    assertThat(text).contains("35501");
                }
            }
        }
    }

    @Test
    void review_replies_fit_google_plays_350_characters_even_with_the_longest_name() throws IOException {
        for (Entry e : entries()) {
            if (e.kind() == ReplyChannel.Kind.REVIEW) {
                assertThat(render(e, "W".repeat(Placeholders.MAX_NAME + 20)).length())
                        .as("%s/%s", e.key(), e.language()).isLessThanOrEqualTo(350);
            }
        }
    }

    private static String render(Entry e, String name) {
        return QUTE.render(e.body(), new Placeholders(name, "Acme Notes", ArticleLinks.of("https://help.acme.test/x"), "35501").values());
    }
}
