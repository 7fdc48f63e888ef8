package dev.hearken.autoreply.domain;

import java.util.Map;
import java.util.Objects;

/**
 * One canned answer in one language: a Qute template whose placeholders are
 * {@code {name}}, {@code {app}}, {@code {articleLink}} and {@code {ticketId}}.
 *
 * @param key           what it answers: {@code ticket:<intent>}, or for reviews, most specific first,
 *                      {@code review:<intent>:<band>}, {@code review:<intent>}, {@code review:<band>} (intent =
 *                      the producer's answer key such as {@code review_bug_apology}; band = {@code low} for
 *                      1–2 stars, {@code mid} for 3, {@code high} for 4–5)
 * @param language      BCP 47 tag of the text ({@code en}, {@code pt-BR})
 * @param body          the default text (the experiment's control); ends with the {@link HumanPath}
 * @param experimentKey experiment whose variation chooses among {@code variants}, or {@code null}
 * @param variants      variation key → text, for variations other than the default
 */
public record ReplyTemplate(String key, String language, String body, String experimentKey,
        Map<String, String> variants) {

    public ReplyTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    /** A template without an experiment. */
    public static ReplyTemplate of(String key, String language, String body) {
        return new ReplyTemplate(key, language, body, null, Map.of());
    }

    /** The text for a variation ({@code null} = default); an unknown variation gets the default text. */
    public String bodyFor(String variationKey) {
        return variationKey == null ? body : variants.getOrDefault(variationKey, body);
    }
}
