package dev.hearken.autoreply.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The help-centre link of each reply language, for the {@code {articleLink}} placeholder: the link of the
 * reply's language ({@code pt-BR}: {@code pt-br}, then {@code pt}), else the default. Configuration chosen by
 * the deployment ({@code hearken:helpLinks}), never user input.
 *
 * @param fallback   the link of a language without one of its own; may be {@code null} (renders empty)
 * @param byLanguage lower-case language tag → link
 */
public record ArticleLinks(String fallback, Map<String, String> byLanguage) {

    public ArticleLinks {
        Objects.requireNonNull(byLanguage, "byLanguage");
        Map<String, String> lower = new TreeMap<>();
        byLanguage.forEach((language, link) -> lower.put(language.toLowerCase(Locale.ROOT), link));
        byLanguage = Map.copyOf(lower);
    }

    /** One link for every language. */
    public static ArticleLinks of(String link) {
        return new ArticleLinks(link, Map.of());
    }

    /** The link for a reply in {@code language} (a BCP 47 tag such as {@code de} or {@code pt-BR}; may be {@code null}). */
    public String forLanguage(String language) {
        if (language == null) {
            return fallback;
        }
        String tag = language.toLowerCase(Locale.ROOT).replace('_', '-');
        String exact = byLanguage.get(tag);
        if (exact != null) {
            return exact;
        }
        int dash = tag.indexOf('-');
        return dash > 0 ? byLanguage.getOrDefault(tag.substring(0, dash), fallback) : fallback;
    }
}
