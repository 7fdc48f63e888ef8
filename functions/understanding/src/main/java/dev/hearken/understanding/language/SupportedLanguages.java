package dev.hearken.understanding.language;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The languages Hearken must recognise, and how locale and territory metadata map to them. */
public final class SupportedLanguages {

    /** ISO 639-1 codes required by issue 3, core languages first. */
    public static final List<String> REQUIRED = List.of(
            "en", "es", "pt", "ru", "zh", "ja", "ko", "de", "fr", "it", "tr", "ar", "fa", "hi", "id",
            "vi", "th", "pl", "uk", "nl", "sv", "ro", "cs", "hu", "el", "he", "ms", "tl", "bn", "ur");

    /** Main language of a store territory, where one language clearly dominates the reviews. */
    private static final Map<String, String> TERRITORY = Map.ofEntries(
            Map.entry("US", "en"), Map.entry("GB", "en"), Map.entry("AU", "en"), Map.entry("NZ", "en"), Map.entry("IE", "en"),
            Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"), Map.entry("CO", "es"), Map.entry("CL", "es"),
            Map.entry("PE", "es"), Map.entry("VE", "es"), Map.entry("EC", "es"), Map.entry("UY", "es"), Map.entry("BR", "pt"),
            Map.entry("PT", "pt"), Map.entry("RU", "ru"), Map.entry("BY", "ru"), Map.entry("KZ", "ru"), Map.entry("CN", "zh"),
            Map.entry("TW", "zh"), Map.entry("HK", "zh"), Map.entry("JP", "ja"), Map.entry("KR", "ko"), Map.entry("DE", "de"),
            Map.entry("AT", "de"), Map.entry("FR", "fr"), Map.entry("IT", "it"), Map.entry("TR", "tr"), Map.entry("SA", "ar"),
            Map.entry("AE", "ar"), Map.entry("EG", "ar"), Map.entry("IR", "fa"), Map.entry("IN", "hi"), Map.entry("ID", "id"),
            Map.entry("VN", "vi"), Map.entry("TH", "th"), Map.entry("PL", "pl"), Map.entry("UA", "uk"), Map.entry("NL", "nl"),
            Map.entry("SE", "sv"), Map.entry("RO", "ro"), Map.entry("CZ", "cs"), Map.entry("HU", "hu"), Map.entry("GR", "el"),
            Map.entry("IL", "he"), Map.entry("MY", "ms"), Map.entry("PH", "tl"), Map.entry("BD", "bn"), Map.entry("PK", "ur"));

    private SupportedLanguages() {
    }

    /** ISO 639-1 language of a locale such as {@code pt-BR}, {@code zh_TW}, {@code iw}, or {@code null}. */
    public static String fromLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String lang = locale.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        lang = switch (lang) {
            case "iw" -> "he";
            case "in" -> "id";
            case "fil" -> "tl";
            case "nb", "no", "nn" -> "nb";
            default -> lang;
        };
        return lang.length() == 2 ? lang : null;
    }

    /** Main language of a store territory (alpha-2 or alpha-3), or {@code null}. */
    public static String fromTerritory(String territory) {
        if (territory == null || territory.isBlank()) {
            return null;
        }
        String t = territory.strip().toUpperCase(Locale.ROOT);
        if (t.length() == 3) {
            t = ALPHA3.getOrDefault(t, t);
        }
        return TERRITORY.get(t);
    }

    private static final Map<String, String> ALPHA3 = buildAlpha3();

    private static Map<String, String> buildAlpha3() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            try {
                m.put(Locale.of("", a2).getISO3Country(), a2);
            } catch (java.util.MissingResourceException e) {
                // No alpha-3 code for this entry; territory hints with it fall back to no prior.
                continue;
            }
        }
        return Map.copyOf(m);
    }
}
