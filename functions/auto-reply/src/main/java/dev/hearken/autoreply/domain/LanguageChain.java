package dev.hearken.autoreply.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages to try, most specific first: the requester's locale, its base language, the detected
 * language, then English — {@code pt-BR → pt → en}.
 */
public final class LanguageChain {

    /** The last resort: every catalogue entry exists in English. */
    public static final String DEFAULT = "en";

    private LanguageChain() {}

    /** The chain for a request's {@code locale} (may be {@code null}) and detected {@code language}. */
    public static List<String> of(String locale, String language) {
        Set<String> chain = new LinkedHashSet<>();
        for (String tag : new String[] {locale, language}) {
            String normal = normalise(tag);
            if (normal == null) {
                continue;
            }
            chain.add(normal);
            int dash = normal.indexOf('-');
            if (dash > 0) {
                chain.add(normal.substring(0, dash));
            }
        }
        chain.add(DEFAULT);
        return List.copyOf(new ArrayList<>(chain));
    }

    /** {@code pt_br}, {@code PT-br} → {@code pt-BR}; {@code und}, blank → {@code null}. */
    static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String[] parts = tag.trim().replace('_', '-').split("-");
        String lang = parts[0].toLowerCase(Locale.ROOT);
        if (lang.equals("und") || !lang.matches("[a-z]{2,3}")) {
            return null;
        }
        if (parts.length == 1) {
            return lang;
        }
        String region = parts[1];
        // Scripts (zh-Hant) are title case, regions (pt-BR) upper case.
        region = region.length() == 4
                ? region.substring(0, 1).toUpperCase(Locale.ROOT) + region.substring(1).toLowerCase(Locale.ROOT)
                : region.toUpperCase(Locale.ROOT);
        return lang + "-" + region;
    }
}
