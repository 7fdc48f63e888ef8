package dev.hearken.autoreply.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values a template may use. Every value is made inert first: a requester can name themselves
 * {@code <img src=x>} or {@code [click](http://evil)}, and Zendesk comments render Markdown/HTML, so
 * markup characters, control characters and line breaks are removed and the length is bounded.
 *
 * @param name        the requester's or reviewer's display name, may be {@code null}
 * @param app         the app's display name, may be {@code null}
 * @param articleLinks the help-centre link per reply language (configuration, not user input); may be {@code null}
 * @param ticketId    the ticket id, {@code null} for reviews
 */
public record Placeholders(String name, String app, ArticleLinks articleLinks, String ticketId) {

    /** Longest name we put in a reply; longer ones are cut (review replies have a 350-character limit). */
    public static final int MAX_NAME = 40;

    // Markdown/HTML/Liquid metacharacters and anything that is not a letter, mark, digit, space or
    // harmless punctuation.
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{M}\\p{N} .'\\-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The values for the renderer with the default article link (see {@link #values(String)}). */
    public Map<String, Object> values() {
        return values(null);
    }

    /**
     * The values for a reply in {@code language} (its article link; {@code null}: the default one); missing
     * values are empty strings, so templates use {@code {#if name}}.
     */
    public Map<String, Object> values(String language) {
        String articleLink = articleLinks == null ? null : articleLinks.forLanguage(language);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", inert(name));
        values.put("app", inert(app));
        values.put("articleLink", articleLink == null ? "" : articleLink);
        values.put("ticketId", ticketId == null ? "" : ticketId.replaceAll("[^0-9]", ""));
        return values;
    }

    /** User-provided text reduced to letters, digits, spaces, dots, apostrophes and hyphens. */
    static String inert(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = SPACES.matcher(UNSAFE.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
        return cleaned.length() <= MAX_NAME ? cleaned : cleaned.substring(0, MAX_NAME).strip();
    }
}
