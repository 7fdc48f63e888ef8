package dev.hearken.understanding.language;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.text.Normalizer;

/**
 * Language detection with Lingua's n-gram models and rules (Apache-2.0, pemistahl/lingua 1.2.2) in a compact form,
 * for all 75 languages Lingua knows (the 30 Hearken must recognise, {@link SupportedLanguages#REQUIRED}, and 45
 * more, so that a Catalan or Norwegian ticket is called what it is instead of the nearest required language).
 *
 * <p>Lingua's high-accuracy mode decides best on short texts but, on the JVM, keeps its 1- to 5-gram models as
 * maps of strings: 577 MB of heap for just our 30 languages and under 600 sentences/s on one core (see the module
 * README). This class reads the same models, compiled at build time by {@code LanguageModelCompiler} into
 * {@value #RESOURCE} (32-bit fingerprints and 8-bit log-probabilities in open-addressing tables), and scores
 * like Lingua's high-accuracy mode: writing-system and letter rules first, then for every remaining language the
 * sum of the log-probabilities of the text's distinct 1- to 5-grams with back-off to shorter prefixes, normalised
 * by the number of known unigrams. Texts of 120 characters or more use trigrams only, as Lingua does.
 */
public final class NgramLanguageDetector implements LanguageDetector {

    /**
     * Factor applied to the hinted language's probability (locale or territory prior) before renormalising: it
     * flips a decision only when the text itself is ambiguous, as one- and two-word messages are.
     */
    public static final double HINT_WEIGHT = 3.0;

    /** Classpath resource written by {@code LanguageModelCompiler}. */
    public static final String RESOURCE = "/dev/hearken/understanding/language/lingua-ngrams-v2.bin.gz";
    static final int MAGIC = 0x484B4C32; // "HKL2"
    static final int MAX_ORDER = 5;
    private static final int LONG_TEXT = 120;
    private static final int SHORTLIST = 8;
    /** Cost of a trigram a language does not know when ranking the shortlist (about ln of 1e-6). */
    static final double UNKNOWN_TRIGRAM = -14;
    /** Below this length trigrams are too few to rank languages; short texts are cheap to score in full anyway. */
    private static final int SHORTLIST_MIN_CHARS = 20;
    /** Characters scored: beyond a few sentences the answer no longer changes, only the cost grows. */
    private static final int MAX_SCORED_CHARS = 400;

    private final String[] codes;
    private final NgramTable[][] tables; // [language][order-1]
    private final Scripts scripts;
    private final String version;

    NgramLanguageDetector(String version, String[] codes, NgramTable[][] tables, Scripts scripts) {
        this.version = version;
        this.codes = codes;
        this.tables = tables;
        this.scripts = scripts;
    }

    /** Loads the compiled models shipped on the classpath. */
    public static NgramLanguageDetector load() {
        try (InputStream raw = NgramLanguageDetector.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("language model " + RESOURCE + " is not on the classpath");
            }
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static NgramLanguageDetector read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Hearken language model");
        }
        String version = in.readUTF();
        int languages = in.readInt();
        String[] codes = new String[languages];
        String[] scripts = new String[languages];
        for (int l = 0; l < languages; l++) {
            codes[l] = in.readUTF();
            scripts[l] = in.readUTF();
        }
        int letterRules = in.readInt();
        Map<String, String> letters = new LinkedHashMap<>();
        for (int i = 0; i < letterRules; i++) {
            letters.put(in.readUTF(), in.readUTF());
        }
        NgramTable[][] tables = new NgramTable[languages][MAX_ORDER];
        for (int l = 0; l < languages; l++) {
            for (int o = 0; o < MAX_ORDER; o++) {
                int capacity = in.readInt();
                int[] keys = new int[capacity];
                for (int i = 0; i < capacity; i++) {
                    keys[i] = in.readInt();
                }
                byte[] values = new byte[capacity];
                in.readFully(values);
                tables[l][o] = new NgramTable(keys, values);
            }
        }
        return new NgramLanguageDetector(version, codes, tables, new Scripts(codes, scripts, letters));
    }

    @Override
    public LanguageGuess detect(String text, String hintLang) {
        if (text == null || text.isEmpty()) {
            return LanguageGuess.undetermined();
        }
        String cleaned = cleanUp(text);
        if (cleaned.isEmpty()) {
            return LanguageGuess.undetermined();
        }
        int[] candidates = scripts.candidates(cleaned);
        if (candidates.length == 0) {
            return LanguageGuess.undetermined();
        }
        double[] scores = new double[codes.length];
        if (candidates.length == 1) {
            scores[candidates[0]] = 1.0;
        } else {
            score(cleaned, candidates, scores);
        }
        return decide(scores, candidates, hintLang, cleaned);
    }

    private LanguageGuess decide(double[] probs, int[] candidates, String hintLang, String cleaned) {
        int hint = -1;
        if (hintLang != null) {
            for (int c : candidates) {
                if (codes[c].equals(hintLang)) {
                    hint = c;
                }
            }
        }
        int best = -1;
        double bestP = -1;
        int plainBest = -1;
        double plainP = -1;
        double total = 0;
        for (int c : candidates) {
            double p = probs[c];
            if (p > plainP) {
                plainP = p;
                plainBest = c;
            }
            double w = c == hint ? p * HINT_WEIGHT : p;
            total += w;
            if (w > bestP) {
                bestP = w;
                best = c;
            }
        }
        if (best < 0 || bestP <= 0) {
            return LanguageGuess.undetermined();
        }
        boolean hintUsed = best == hint;
        double confidence = hintUsed ? bestP / total : plainP;
        String code = codes[best];
        return new LanguageGuess(code, "zh".equals(code) ? ChineseScript.of(cleaned) : null,
                Math.max(0, Math.min(1, confidence)), hintUsed);
    }

    /** Fills {@code probs} with a probability per candidate (softmax over the per-language mean log-probability). */
    private void score(String text, int[] candidates, double[] probs) {
        int maxOrder = text.length() >= LONG_TEXT ? 3 : MAX_ORDER;
        int minOrder = text.length() >= LONG_TEXT ? 3 : 1;
        // fingerprints[order-1][position in word] per word
        Set<Long> seen = new HashSet<>();
        List<int[][]> perWord = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && text.charAt(i) != ' ';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                int len = i - start;
                int[][] fp = new int[MAX_ORDER][];
                for (int o = 1; o <= MAX_ORDER; o++) {
                    int n = Math.max(0, len - o + 1);
                    fp[o - 1] = new int[n];
                    for (int p = 0; p < n; p++) {
                        fp[o - 1][p] = NgramTable.fingerprint(text, start + p, start + p + o);
                    }
                }
                perWord.add(fp);
                start = -1;
            }
        }
        if (minOrder < maxOrder && candidates.length > SHORTLIST && text.length() >= SHORTLIST_MIN_CHARS) {
            // Trigrams alone rank the right language near the top; the 1- to 5-gram pass then only has to
            // separate a shortlist, which is what keeps 75 languages fast enough for thousands of texts a second.
            double[] trigramSums = new double[codes.length];
            // One lookup per trigram and language, no back-off: a cheap ranking is enough to shortlist.
            rankByTrigrams(perWord, candidates, trigramSums, seen);
            candidates = shortlist(candidates, trigramSums);
        }
        double[] sums = new double[codes.length];
        int[] unigramHits = new int[codes.length];
        for (int o = minOrder; o <= maxOrder; o++) {
            sumOrder(perWord, o, candidates, sums, unigramHits, seen);
        }
        // Lingua's normalisation: languages that know more of the text's letters are not punished for it.
        double best = Double.NEGATIVE_INFINITY;
        for (int c : candidates) {
            if (sums[c] < 0) {
                double v = unigramHits[c] > 0 ? sums[c] / unigramHits[c] : sums[c];
                sums[c] = v;
                best = Math.max(best, v);
            } else {
                sums[c] = Double.NaN;
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            return;
        }
        // Lingua reports best/score as confidence; turn the ratios into a distribution for the prior to act on.
        double total = 0;
        for (int c : candidates) {
            if (!Double.isNaN(sums[c])) {
                double ratio = best / sums[c];
                double w = Math.pow(ratio, 12);
                probs[c] = w;
                total += w;
            }
        }
        for (int c : candidates) {
            probs[c] = total > 0 ? probs[c] / total : 0;
        }
    }

    private void sumOrder(List<int[][]> perWord, int o, int[] candidates, double[] sums, int[] unigramHits, Set<Long> seen) {
        seen.clear();
        for (int[][] fp : perWord) {
            int[] grams = fp[o - 1];
            for (int p = 0; p < grams.length; p++) {
                if (!seen.add(((long) o << 32) | (grams[p] & 0xFFFFFFFFL))) {
                    continue;
                }
                for (int c : candidates) {
                    NgramTable[] t = tables[c];
                    for (int k = o; k >= 1; k--) {
                        float lp = t[k - 1].logProbability(fp[k - 1][p]);
                        if (lp < 0) {
                            sums[c] += lp;
                            if (o == 1) {
                                unigramHits[c]++;
                            }
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Trigram log-probabilities without back-off, an unknown trigram costing {@link #UNKNOWN_TRIGRAM}. */
    private void rankByTrigrams(List<int[][]> perWord, int[] candidates, double[] sums, Set<Long> seen) {
        seen.clear();
        for (int[][] fp : perWord) {
            int[] grams = fp[2];
            for (int p = 0; p < grams.length; p++) {
                if (!seen.add(grams[p] & 0xFFFFFFFFL)) {
                    continue;
                }
                for (int c : candidates) {
                    float lp = tables[c][2].logProbability(grams[p]);
                    sums[c] += lp < 0 ? lp : UNKNOWN_TRIGRAM;
                }
            }
        }
    }

    private static int[] shortlist(int[] candidates, double[] trigramSums) {
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = candidates[i];
        }
        // A sum of 0 means no trigram was scored at all: rank such languages last.
        java.util.Arrays.sort(order, (a, b) -> Double.compare(rankKey(trigramSums[b]), rankKey(trigramSums[a])));
        int[] out = new int[SHORTLIST];
        for (int i = 0; i < SHORTLIST; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static double rankKey(double sum) {
        return sum < 0 ? sum : Double.NEGATIVE_INFINITY;
    }

    /** Lower case, letters and single spaces only, bounded length (the start of a message decides). */
    static String cleanUp(String text) {
        String s = text.length() > MAX_SCORED_CHARS ? text.substring(0, MAX_SCORED_CHARS) : text;
        // Lingua's models are in composed form; decomposed Vietnamese would otherwise miss every n-gram.
        s = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == ' ') {
            out.setLength(n - 1);
        }
        return out.toString();
    }

    @Override
    public Set<String> languages() {
        return new LinkedHashSet<>(List.of(codes));
    }

    @Override
    public String name() {
        return "hearken-ngram(" + version + ")-" + codes.length + "langs";
    }

    /** Slots held by the tables, for the memory report. */
    public long slots() {
        long n = 0;
        for (NgramTable[] row : tables) {
            for (NgramTable t : row) {
                n += t.capacity();
            }
        }
        return n;
    }
}
