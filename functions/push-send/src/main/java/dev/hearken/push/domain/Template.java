package dev.hearken.push.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the template catalogue: per locale, per variant, a title and a body with
 * {@code {placeholder}} slots filled from the message's {@code data}.
 *
 * <p>Variants are how copy becomes an experiment: when {@link #experimentKey} is set, the user's
 * assigned variation key (e.g. {@code social-proof}) picks the variant; a missing variant falls back to
 * {@link #DEFAULT_VARIANT}, then to {@code control}, then to the locale's first variant.
 *
 * <p>Placeholders are substituted here rather than with a template engine (Qute): the copy lives in
 * DynamoDB and changes at run time, so build-time checking does not apply, and a single
 * {@code {name}} rule is all the catalogue needs. A placeholder without a value renders as empty text.
 *
 * <p>E-mail copy ({@link EmailCopy}) lives beside the push copy, per locale and variant, and follows the
 * same fallbacks on its own: a locale may have e-mail copy and no push copy, or the other way round.
 *
 * @param id            catalogue key ({@code onboarding-day1})
 * @param experimentKey experiment whose variation picks the variant, or {@code null}
 * @param copies        locale tag → variant key → push copy
 * @param emails        locale tag → variant key → e-mail copy
 */
public record Template(String id, String experimentKey, Map<String, Map<String, Copy>> copies,
        Map<String, Map<String, EmailCopy>> emails) {

    /** The variant used when a template is not an experiment. */
    public static final String DEFAULT_VARIANT = "default";
    /** The last language of every fallback chain. */
    public static final String FALLBACK_LANGUAGE = "en";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    public Template {
        Objects.requireNonNull(id, "id");
        copies = Map.copyOf(copies);
        emails = emails == null ? Map.of() : Map.copyOf(emails);
    }

    /** A template with push copy only. */
    public Template(String id, String experimentKey, Map<String, Map<String, Copy>> copies) {
        this(id, experimentKey, copies, Map.of());
    }

    /** The copy for {@code locale} and {@code variant}, following the locale fallback chain. */
    public Optional<Localised> resolve(String locale, String variant) {
        return pick(copies, locale, variant, Localised::new);
    }

    /** The e-mail copy for {@code locale} and {@code variant}, with the same fallbacks as {@link #resolve}. */
    public Optional<LocalisedEmail> resolveEmail(String locale, String variant) {
        return pick(emails, locale, variant, LocalisedEmail::new);
    }

    private interface Chosen<C, R> {
        R of(String locale, String variant, C copy);
    }

    private static <C, R> Optional<R> pick(Map<String, Map<String, C>> byLocale, String locale, String variant,
            Chosen<C, R> result) {
        for (String candidate : fallbackChain(locale)) {
            Map.Entry<String, Map<String, C>> found = find(byLocale, candidate);
            Map<String, C> variants = found == null ? null : found.getValue();
            if (variants != null && !variants.isEmpty()) {
                String used = variant != null && variants.containsKey(variant) ? variant
                        : variants.containsKey(DEFAULT_VARIANT) ? DEFAULT_VARIANT
                        : variants.containsKey("control") ? "control"
                        : variants.keySet().iterator().next();
                return Optional.of(result.of(found.getKey(), used, variants.get(used)));
            }
        }
        return Optional.empty();
    }

    private static <C> Map.Entry<String, Map<String, C>> find(Map<String, Map<String, C>> byLocale, String tag) {
        for (Map.Entry<String, Map<String, C>> e : byLocale.entrySet()) {
            if (e.getKey().equalsIgnoreCase(tag)) {
                return e;
            }
        }
        return null;
    }

    /**
     * {@code pt-BR} → {@code [pt-BR, pt, en]}; {@code zh-Hant-TW} → {@code [zh-Hant-TW, zh-Hant, zh, en]};
     * {@code pt_BR} is read as {@code pt-BR}.
     */
    public static List<String> fallbackChain(String locale) {
        List<String> chain = new ArrayList<>();
        String tag = locale == null ? "" : locale.trim().replace('_', '-');
        while (!tag.isEmpty()) {
            chain.add(tag);
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        if (chain.stream().noneMatch(t -> t.equalsIgnoreCase(FALLBACK_LANGUAGE))) {
            chain.add(FALLBACK_LANGUAGE);
        }
        return chain;
    }

    /** {@code text} with every {@code {name}} replaced by {@code data.get(name)} (empty when absent). */
    public static String render(String text, Map<String, String> data) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(data.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The copy chosen for one user.
     *
     * @param locale  the catalogue locale that was used (after fallback)
     * @param variant the variant that was used
     * @param copy    unrendered copy
     */
    public record Localised(String locale, String variant, Copy copy) {

        /** Placeholders filled and display limits applied. */
        public Copy render(Map<String, String> data) {
            return new Copy(Template.render(copy.title(), data), Template.render(copy.body(), data)).fit();
        }
    }

    /**
     * The e-mail copy chosen for one user.
     *
     * @param locale  the catalogue locale that was used (after fallback)
     * @param variant the variant that was used
     * @param copy    unrendered copy
     */
    public record LocalisedEmail(String locale, String variant, EmailCopy copy) {

        /** Placeholders filled (HTML-escaped in the HTML body), the subject made one safe line. */
        public EmailCopy render(Map<String, String> data) {
            return copy.render(data);
        }
    }

    /** Copies from {@code locale, variant, title, body} quadruples, in order (for tests and seeds). */
    public static Map<String, Map<String, Copy>> copies(String... quadruples) {
        if (quadruples.length % 4 != 0) {
            throw new IllegalArgumentException("expected locale, variant, title, body quadruples");
        }
        Map<String, Map<String, Copy>> out = new LinkedHashMap<>();
        for (int i = 0; i < quadruples.length; i += 4) {
            out.computeIfAbsent(quadruples[i], k -> new LinkedHashMap<>())
                    .put(quadruples[i + 1], new Copy(quadruples[i + 2], quadruples[i + 3]));
        }
        return out;
    }
}
