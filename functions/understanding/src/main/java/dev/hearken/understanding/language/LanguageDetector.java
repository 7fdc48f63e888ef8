package dev.hearken.understanding.language;

import java.util.Set;

/** Detects the language of a cleaned text. Implementations are thread-safe. */
public interface LanguageDetector {

    /**
     * @param text     cleaned text (may be empty)
     * @param hintLang ISO 639-1 code from the requester's locale or the store territory, or {@code null}
     */
    LanguageGuess detect(String text, String hintLang);

    /** ISO 639-1 codes this detector can answer. */
    Set<String> languages();

    /** Short description with version, for reasons and reports. */
    String name();
}
