package dev.hearken.understanding.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns text into hashed sparse features shared by training and inference: word unigrams and bigrams, character
 * 3- to 5-grams inside words (robust to typos and inflection), character uni- and bigrams for scripts written
 * without spaces, digit shapes ({@code 0000}) and a few surface signals (URL, e-mail, phone, money, shouting).
 * Values are binary and L2-normalised per text.
 */
public final class Featurizer {

    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|info|biz|ru|cn|io|co|ly|me|xyz|top)\\b(?:/\\S*)?");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern MONEY = Pattern.compile("[£$€¥₹₽]\\s?\\d|\\d\\s?(?:£|\\$|€|usd|eur|gbp)");
    private static final int MAX_CHARS = 2_000;
    private static final int MAX_FEATURES = 4_096;

    private Featurizer() {
    }

    /** Weight of the star-rating feature relative to one text feature: a review's stars say a lot about its topic. */
    static final float STARS_WEIGHT = 3f;

    /**
     * Features of a review: the text's features plus its star rating ({@code null}: none), so that "5 stars and
     * short" reads as praise and "1 star" leans towards errors.
     */
    public static Features of(String text, Integer rating) {
        Features f = of(text);
        if (rating == null) {
            return f;
        }
        int id = hash("s|stars" + rating);
        int at = Arrays.binarySearch(f.ids(), id);
        if (at >= 0) {
            return f;
        }
        int insert = -at - 1;
        int[] ids = new int[f.size() + 1];
        float[] values = new float[f.size() + 1];
        System.arraycopy(f.ids(), 0, ids, 0, insert);
        System.arraycopy(f.values(), 0, values, 0, insert);
        ids[insert] = id;
        values[insert] = STARS_WEIGHT * f.values()[0];
        System.arraycopy(f.ids(), insert, ids, insert + 1, f.size() - insert);
        System.arraycopy(f.values(), insert, values, insert + 1, f.size() - insert);
        return new Features(ids, values);
    }

    /** Hashed features of a text: parallel arrays of feature ids and values (sorted by id, no duplicates). */
    public static Features of(String text) {
        String raw = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        int[] ids = new int[256];
        int n = 0;
        if (raw.isBlank()) {
            ids[n++] = hash("s|empty");
            return finish(ids, n);
        }
        if (URL.matcher(raw).find()) {
            ids[n++] = hash("s|url");
        }
        if (EMAIL.matcher(raw).find()) {
            ids[n++] = hash("s|email");
        }
        if (MONEY.matcher(raw).find()) {
            ids[n++] = hash("s|money");
        }
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (letters >= 8 && upper * 3 > letters) {
            ids[n++] = hash("s|shout");
        }
        if (raw.contains("!!")) {
            ids[n++] = hash("s|bang");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String prev = "^";
        int i = 0;
        int len = s.length();
        StringBuilder word = new StringBuilder();
        while (i < len && n < MAX_FEATURES - 64) {
            int cp = s.codePointAt(i);
            if (isLogographic(cp)) {
                int start = i;
                while (i < len && isLogographic(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                String run = s.substring(start, i);
                for (int k = 0; k < run.length() && n < MAX_FEATURES - 8; ) {
                    int c1 = run.codePointAt(k);
                    int w1 = Character.charCount(c1);
                    ids = ensure(ids, n + 2);
                    ids[n++] = hash("u|" + run.substring(k, k + w1));
                    if (k + w1 < run.length()) {
                        int c2 = run.codePointAt(k + w1);
                        ids[n++] = hash("v|" + run.substring(k, k + w1 + Character.charCount(c2)));
                    }
                    k += w1;
                }
                prev = "^";
                continue;
            }
            if (Character.isLetterOrDigit(cp) || (cp == '\'' && word.length() > 0)) {
                if (Character.isDigit(cp)) {
                    word.append('0');
                } else {
                    word.appendCodePoint(cp);
                }
                i += Character.charCount(cp);
                if (i < len) {
                    continue;
                }
            } else {
                i += Character.charCount(cp);
            }
            if (word.length() > 0) {
                String w = word.toString();
                word.setLength(0);
                ids = ensure(ids, n + 40);
                ids[n++] = hash("w|" + w);
                ids[n++] = hash("b|" + prev + " " + w);
                prev = w;
                if (w.length() <= 24) {
                    String padded = " " + w + " ";
                    for (int g = 3; g <= 5; g++) {
                        for (int k = 0; k + g <= padded.length(); k++) {
                            ids = ensure(ids, n + 1);
                            ids[n++] = hash("c|" + padded.substring(k, k + g));
                        }
                    }
                }
            }
        }
        return finish(ids, n);
    }

    private static int[] ensure(int[] ids, int size) {
        return size <= ids.length ? ids : Arrays.copyOf(ids, Math.max(size, ids.length * 2));
    }

    private static Features finish(int[] ids, int n) {
        if (n == 0) {
            // punctuation or symbols only: still one feature, so every text has a representation
            ids = new int[] {hash("s|nowords")};
            n = 1;
        }
        int[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (m == 0 || sorted[m - 1] != sorted[k]) {
                sorted[m++] = sorted[k];
            }
        }
        int[] unique = Arrays.copyOf(sorted, m);
        float v = m == 0 ? 0f : (float) (1.0 / Math.sqrt(m));
        float[] values = new float[m];
        Arrays.fill(values, v);
        return new Features(unique, values);
    }

    static boolean isLogographic(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
    }

    /** 32-bit FNV-1a with a final mix; the feature id space shared by trainer and model. */
    public static int hash(String s) {
        int h = 0x811c9dc5;
        for (int k = 0; k < s.length(); k++) {
            h ^= s.charAt(k);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        return h == 0 ? 1 : h;
    }

    /** Sparse features: ids sorted ascending, values aligned. */
    public record Features(int[] ids, float[] values) {
        public int size() {
            return ids.length;
        }
    }
}
