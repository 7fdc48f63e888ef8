package dev.hearken.understanding.language;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lingua's rules before any n-gram is looked at, with the data Lingua ships (written into the model file at build
 * time): the writing system narrows the candidates (Hangul is Korean, kana is Japanese, Cyrillic is one of eight
 * languages …), and letters that only some languages use narrow them further when at least half of the words
 * carry one.
 */
final class Scripts {

    private final Map<Character.UnicodeScript, int[]> candidatesByScript = new EnumMap<>(Character.UnicodeScript.class);
    private final Map<Character, int[]> languagesByLetter = new HashMap<>();
    private final int languages;

    /**
     * @param codes   language codes, index-aligned with the detector's tables
     * @param scripts per language, space-separated Unicode script names
     * @param letters letters (a string of them) to space-separated codes of the languages that use them
     */
    Scripts(String[] codes, String[] scripts, Map<String, String> letters) {
        this.languages = codes.length;
        Map<Character.UnicodeScript, List<Integer>> byScript = new EnumMap<>(Character.UnicodeScript.class);
        for (int i = 0; i < codes.length; i++) {
            for (String name : scripts[i].split(" ")) {
                if (!name.isBlank()) {
                    byScript.computeIfAbsent(Character.UnicodeScript.forName(name), k -> new ArrayList<>()).add(i);
                }
            }
        }
        byScript.forEach((script, list) -> candidatesByScript.put(script, toArray(list)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            index.put(codes[i], i);
        }
        letters.forEach((chars, langs) -> {
            List<Integer> idx = new ArrayList<>();
            for (String l : langs.split(" ")) {
                if (index.containsKey(l)) {
                    idx.add(index.get(l));
                }
            }
            for (char upperOrLower : chars.toCharArray()) {
                // Character-wise: String.toLowerCase turns Turkish 'İ' into a plain 'i' plus a combining dot.
                char c = Character.toLowerCase(upperOrLower);
                if (c < 0x80) {
                    continue;
                }
                int[] existing = languagesByLetter.get(c);
                languagesByLetter.put(c, existing == null ? toArray(idx) : union(existing, idx));
            }
        });
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] union(int[] a, List<Integer> b) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) {
            out.add(x);
        }
        for (int x : b) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return toArray(out);
    }

    /** Indexes of the languages the text can be in, judged by its letters; empty when none is possible. */
    int[] candidates(String cleaned) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        boolean kana = false;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || !Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
            counts.merge(script, 1, Integer::sum);
        }
        if (kana && candidatesByScript.containsKey(Character.UnicodeScript.HIRAGANA)) {
            // Kanji mixed with kana is Japanese; Han alone is taken as Chinese below.
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
        if (top == Character.UnicodeScript.HAN) {
            base = onlyWithout(base, Character.UnicodeScript.HIRAGANA);
        }
        return base.length == 1 ? base : narrowByLetters(cleaned, base);
    }

    private int[] onlyWithout(int[] base, Character.UnicodeScript excluded) {
        int[] ex = candidatesByScript.getOrDefault(excluded, new int[0]);
        List<Integer> out = new ArrayList<>();
        for (int b : base) {
            boolean skip = false;
            for (int e : ex) {
                skip |= e == b;
            }
            if (!skip) {
                out.add(b);
            }
        }
        return out.isEmpty() ? base : toArray(out);
    }

    private int[] narrowByLetters(String cleaned, int[] base) {
        String[] words = cleaned.split(" ");
        int[] votes = new int[languages];
        boolean any = false;
        for (String w : words) {
            boolean[] hit = new boolean[languages];
            for (int i = 0; i < w.length(); i++) {
                int[] langs = languagesByLetter.get(w.charAt(i));
                if (langs != null) {
                    for (int l : langs) {
                        hit[l] = true;
                    }
                }
            }
            for (int l = 0; l < languages; l++) {
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
        return kept.isEmpty() ? base : toArray(kept);
    }
}
