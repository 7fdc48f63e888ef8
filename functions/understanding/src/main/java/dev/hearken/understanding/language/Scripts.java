package dev.hearken.understanding.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lingua's rules before any n-gram is looked at: the writing system narrows the candidates (Hangul is Korean,
 * kana is Japanese, Cyrillic is Russian or Ukrainian …), and letters used by only a few languages narrow them
 * further when at least half of the words carry one.
 */
final class Scripts {

    private static final Map<Character.UnicodeScript, String[]> BY_SCRIPT = Map.ofEntries(
            Map.entry(Character.UnicodeScript.CYRILLIC, new String[] {"ru", "uk"}),
            Map.entry(Character.UnicodeScript.ARABIC, new String[] {"ar", "fa", "ur"}),
            Map.entry(Character.UnicodeScript.GREEK, new String[] {"el"}),
            Map.entry(Character.UnicodeScript.HEBREW, new String[] {"he"}),
            Map.entry(Character.UnicodeScript.THAI, new String[] {"th"}),
            Map.entry(Character.UnicodeScript.HANGUL, new String[] {"ko"}),
            Map.entry(Character.UnicodeScript.BENGALI, new String[] {"bn"}),
            Map.entry(Character.UnicodeScript.DEVANAGARI, new String[] {"hi"}),
            Map.entry(Character.UnicodeScript.HIRAGANA, new String[] {"ja"}),
            Map.entry(Character.UnicodeScript.KATAKANA, new String[] {"ja"}),
            Map.entry(Character.UnicodeScript.HAN, new String[] {"zh"}),
            Map.entry(Character.UnicodeScript.LATIN, new String[] {
                "en", "es", "pt", "de", "fr", "it", "tr", "id", "vi", "pl", "nl", "sv", "ro", "cs", "hu", "ms", "tl"}));

    /** Letters that only some of our languages use (after Lingua's CHARS_TO_LANGUAGES_MAPPING, cut to our set). */
    private static final String[][] CHARS = {
            {"ß", "de"}, {"äöü", "de sv tr hu"}, {"ä", "de sv"}, {"ñ", "es"}, {"ç", "fr pt tr"},
            {"ãõ", "pt vi"}, {"ğı", "tr"}, {"ş", "tr ro"}, {"őű", "hu"}, {"řůě", "cs"}, {"ťďň", "cs"},
            {"ąęłńśźż", "pl"}, {"ăâîșț", "ro fr pt vi tr it"}, {"șță", "ro vi"}, {"å", "sv"},
            {"đơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", "vi"},
            {"œ", "fr"}, {"ëï", "fr nl"}, {"èéêàùûô", "fr it pt es vi nl hu cs"}, {"ìòù", "it vi"},
            {"íóú", "es pt it hu cs vi"}, {"ý", "cs tr"}, {"á", "es pt hu cs vi it"},
            {"іїєґ", "uk"}, {"ыэъё", "ru"},
            {"پچژگ", "fa ur"}, {"ٹڈڑںےھ", "ur"}, {"ی", "fa ur"}, {"ک", "fa ur"}
    };

    private final Map<Character.UnicodeScript, int[]> candidatesByScript = new HashMap<>();
    private final Map<Character, int[]> languagesByChar = new HashMap<>();
    private final String[] codes;

    Scripts(String[] codes) {
        this.codes = codes;
        for (Map.Entry<Character.UnicodeScript, String[]> e : BY_SCRIPT.entrySet()) {
            int[] idx = indexes(e.getValue());
            if (idx.length > 0) {
                candidatesByScript.put(e.getKey(), idx);
            }
        }
        for (String[] row : CHARS) {
            int[] idx = indexes(row[1].split(" "));
            for (char c : row[0].toCharArray()) {
                int[] existing = languagesByChar.get(c);
                // a letter listed twice keeps the narrower set
                if (existing == null || idx.length < existing.length) {
                    languagesByChar.put(c, idx);
                }
            }
        }
    }

    private int[] indexes(String[] langs) {
        List<Integer> out = new ArrayList<>();
        for (String l : langs) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i].equals(l)) {
                    out.add(i);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Indexes of the languages the text can be in, judged by its letters; empty when none is possible. */
    int[] candidates(String cleaned) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        boolean kana = false;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || !Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana = true;
            }
            counts.merge(script, 1, Integer::sum);
        }
        if (kana && candidatesByScript.containsKey(Character.UnicodeScript.HIRAGANA)) {
            return candidatesByScript.get(Character.UnicodeScript.HIRAGANA);
        }
        Character.UnicodeScript top = null;
        int topCount = 0;
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (candidatesByScript.containsKey(e.getKey()) && e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        if (top == null) {
            return new int[0];
        }
        int[] base = candidatesByScript.get(top);
        if (base.length == 1) {
            return base;
        }
        return narrowByLetters(cleaned, base);
    }

    private int[] narrowByLetters(String cleaned, int[] base) {
        String[] words = cleaned.split(" ");
        int[] votes = new int[codes.length];
        boolean any = false;
        for (String w : words) {
            boolean[] hit = new boolean[codes.length];
            for (int i = 0; i < w.length(); i++) {
                int[] langs = languagesByChar.get(w.charAt(i));
                if (langs != null) {
                    for (int l : langs) {
                        hit[l] = true;
                    }
                }
            }
            for (int l = 0; l < codes.length; l++) {
                if (hit[l]) {
                    votes[l]++;
                    any = true;
                }
            }
        }
        if (!any) {
            return base;
        }
        double half = words.length / 2.0;
        List<Integer> kept = new ArrayList<>();
        for (int l : base) {
            if (votes[l] >= half) {
                kept.add(l);
            }
        }
        return kept.isEmpty() ? base : kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
