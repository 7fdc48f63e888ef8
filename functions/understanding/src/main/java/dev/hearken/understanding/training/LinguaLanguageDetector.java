package dev.hearken.understanding.training;

import dev.hearken.understanding.language.LanguageDetector;
import dev.hearken.understanding.language.LanguageGuess;
import dev.hearken.understanding.language.NgramLanguageDetector;
import dev.hearken.understanding.language.SupportedLanguages;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Candidate kept for comparison (build-time dependency only, see {@code LanguageBench}): language detection with Lingua (Apache-2.0, pemistahl/lingua 1.2.2), restricted to the languages we must
 * recognise, with an optional metadata prior.
 *
 * <p>The restriction matters twice: fewer candidates means fewer confusions between close languages that our
 * users do not write (Bokmål vs Danish, Malay vs Indonesian is still in), and fewer models in memory. The prior
 * multiplies the hinted language's probability by {@link NgramLanguageDetector#HINT_WEIGHT}: it only flips a decision when the text
 * itself is ambiguous, which is the case for one- and two-word messages.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final Map<Language, String> codes = new EnumMap<>(Language.class);
    private final Set<String> languages;
    private final boolean lowAccuracy;

    /**
     * @param isoCodes    ISO 639-1 codes to detect among
     * @param lowAccuracy Lingua's low-accuracy mode (trigrams only: smaller and faster, worse on short texts)
     * @param preload     load every model now rather than on first use (what a Lambda wants at init)
     */
    public LinguaLanguageDetector(Collection<String> isoCodes, boolean lowAccuracy, boolean preload) {
        Set<Language> selected = new LinkedHashSet<>();
        for (String code : isoCodes) {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            selected.add(language);
            codes.put(language, code);
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(selected.toArray(Language[]::new));
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        if (preload) {
            builder = builder.withPreloadedLanguageModels();
        }
        this.lingua = builder.build();
        this.languages = Set.copyOf(codes.values());
        this.lowAccuracy = lowAccuracy;
    }

    /** The detector for {@link SupportedLanguages#REQUIRED} in high-accuracy mode, models preloaded. */
    public static LinguaLanguageDetector forRequiredLanguages() {
        return new LinguaLanguageDetector(SupportedLanguages.REQUIRED, false, true);
    }

    @Override
    public LanguageGuess detect(String text, String hintLang) {
        if (text == null || text.isBlank()) {
            return LanguageGuess.undetermined();
        }
        SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(text);
        if (values.isEmpty()) {
            return LanguageGuess.undetermined();
        }
        double sum = 0;
        for (double v : values.values()) {
            sum += v;
        }
        String best = null;
        double bestP = -1;
        String unhintedBest = null;
        double unhintedP = -1;
        double total = 0;
        boolean hinted = hintLang != null && languages.contains(hintLang);
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            String code = codes.get(e.getKey());
            double p = sum > 0 ? e.getValue() / sum : 0;
            if (p > unhintedP) {
                unhintedP = p;
                unhintedBest = code;
            }
            double w = hinted && code.equals(hintLang) ? p * NgramLanguageDetector.HINT_WEIGHT : p;
            total += w;
            if (w > bestP) {
                bestP = w;
                best = code;
            }
        }
        double confidence = total > 0 ? bestP / total : 0;
        boolean hintUsed = hinted && best.equals(hintLang);
        if (best.equals(unhintedBest) && !hintUsed) {
            confidence = unhintedP;
        }
        return new LanguageGuess(best, null, Math.min(1.0, Math.max(0.0, confidence)), hintUsed);
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public String name() {
        return "lingua-1.2.2-" + (lowAccuracy ? "low" : "high") + "-" + languages.size() + "langs";
    }
}
