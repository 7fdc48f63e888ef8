package dev.hearken.understanding.language;

/**
 * A detected language.
 *
 * @param code       ISO 639-1 code, {@code und} when undetermined
 * @param script     ISO 15924 script for Chinese ({@code Hans}/{@code Hant}), else {@code null}
 * @param confidence in [0, 1]
 * @param hintUsed   whether the metadata hint changed or confirmed the decision
 */
public record LanguageGuess(String code, String script, double confidence, boolean hintUsed) {

    public static final String UNDETERMINED = "und";

    public static LanguageGuess undetermined() {
        return new LanguageGuess(UNDETERMINED, null, 0.0, false);
    }

    /** BCP 47 style tag: {@code pt}, {@code zh-Hant}. */
    public String tag() {
        return script == null ? code : code + "-" + script;
    }
}
