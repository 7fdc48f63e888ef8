package dev.hearken.push.domain;

import java.util.Map;
import java.util.Objects;

/**
 * The e-mail copy of one template variant in one locale: a subject, a plain-text body and, optionally,
 * an HTML body. Rendered with the same {@code {placeholder}} rule as push copy ({@link Template#render});
 * the HTML body gets every value HTML-escaped first, so user data ({@code firstName}) can never add
 * markup or links to it.
 *
 * @param subject the subject line
 * @param text    the plain-text body (always sent; the HTML body is an alternative to it)
 * @param html    the HTML body, or {@code null} for a text-only mail
 */
public record EmailCopy(String subject, String text, String html) {

    /** Longest subject sent, in code points (longer ones are cut with an ellipsis). */
    public static final int MAX_SUBJECT = 150;

    public EmailCopy {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        html = html == null || html.isBlank() ? null : html;
    }

    /**
     * Placeholders filled. The subject becomes one line (control characters, CR and LF included, turn
     * into spaces, so data can never start a header of its own) of at most {@link #MAX_SUBJECT} code points.
     */
    public EmailCopy render(Map<String, String> data) {
        String line = Template.render(subject, data).replaceAll("\\p{Cntrl}+", " ").strip();
        return new EmailCopy(Copy.truncate(line, MAX_SUBJECT), Template.render(text, data),
                html == null ? null : Template.render(html, escaped(data)));
    }

    private static Map<String, String> escaped(Map<String, String> data) {
        Map<String, String> out = new java.util.HashMap<>();
        data.forEach((k, v) -> out.put(k, escapeHtml(v)));
        return out;
    }

    /** {@code value} safe inside HTML text and quoted attribute values. */
    public static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
