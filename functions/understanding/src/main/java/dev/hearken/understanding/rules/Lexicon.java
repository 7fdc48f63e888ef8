package dev.hearken.understanding.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project-written multilingual rule lexicon ({@value #RESOURCE}): one alternation per category, matched on
 * lower-cased NFKC text. Priority signals rely on it for recall in languages the training data lacks.
 */
public final class Lexicon {

    /** Classpath resource; bump the version in its name when its meaning changes. */
    public static final String RESOURCE = "/dev/hearken/understanding/rules/lexicon-v1.tsv";
    /** Rules look at the start of a message only, which keeps their cost bounded. */
    static final int MAX_CHARS = 3_000;

    private final Map<String, Index> patterns;
    private final Pattern filler;

    Lexicon(Map<String, List<String>> byCategory) {
        Map<String, Index> compiled = new LinkedHashMap<>();
        byCategory.forEach((category, list) -> {
            if (!category.equals("filler")) {
                compiled.put(category, new Index(list));
            }
        });
        this.patterns = Map.copyOf(compiled);
        this.filler = Pattern.compile("(?:" + String.join("|", byCategory.getOrDefault("filler", List.of("\\b\\B"))) + ")");
    }

    /**
     * The terms of one category, bucketed by their first character so that each word start tries only the few
     * terms that can match there (a single alternation of all terms tried at every position was the pipeline's
     * bottleneck). Text arrives lower-cased, so matching is case-sensitive.
     */
    private static final class Index {
        private final Map<Character, Pattern> wordsByFirst = new HashMap<>();
        private final Pattern wordsOther;
        private final Map<Character, Pattern> logoByFirst = new HashMap<>();
        private final Pattern logoOther;

        Index(List<String> terms) {
            Map<Character, List<String>> words = new HashMap<>();
            Map<Character, List<String>> logo = new HashMap<>();
            List<String> wordsAny = new ArrayList<>();
            List<String> logoAny = new ArrayList<>();
            for (String t : terms) {
                String term = t.startsWith("\\b") ? t.substring(2) : t;
                boolean logographic = isLogographic(term);
                Character first = literalFirst(term);
                if (first == null) {
                    (logographic ? logoAny : wordsAny).add(term);
                } else {
                    (logographic ? logo : words).computeIfAbsent(first, k -> new ArrayList<>()).add(term);
                }
            }
            words.forEach((c, l) -> wordsByFirst.put(c, Pattern.compile("(?:" + String.join("|", l) + ")", Pattern.UNICODE_CHARACTER_CLASS)));
            logo.forEach((c, l) -> logoByFirst.put(c, Pattern.compile("(?:" + String.join("|", l) + ")", Pattern.UNICODE_CHARACTER_CLASS)));
            wordsOther = wordsAny.isEmpty() ? null : Pattern.compile("(?:" + String.join("|", wordsAny) + ")", Pattern.UNICODE_CHARACTER_CLASS);
            logoOther = logoAny.isEmpty() ? null : Pattern.compile("(?:" + String.join("|", logoAny) + ")", Pattern.UNICODE_CHARACTER_CLASS);
        }

        private static Character literalFirst(String term) {
            if (term.isEmpty()) {
                return null;
            }
            char c = term.charAt(0);
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '$') {
                return null;
            }
            if (term.length() > 1 && "?*{".indexOf(term.charAt(1)) >= 0) {
                return null;
            }
            return c;
        }

        void find(CharSequence text, int limit, List<String> out) {
            int n = text.length();
            for (int i = 0; i < n && out.size() < limit; i++) {
                char c = text.charAt(i);
                boolean logographic = isLogographic(c);
                if (!logographic && (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(c))) {
                    continue;
                }
                Pattern bucket = (logographic ? logoByFirst : wordsByFirst).get(c);
                Pattern other = logographic ? logoOther : wordsOther;
                int end = tryAt(bucket, text, i, out);
                if (end < 0) {
                    end = tryAt(other, text, i, out);
                }
                if (end > i) {
                    i = end - 1;
                }
            }
        }

        private static int tryAt(Pattern p, CharSequence text, int at, List<String> out) {
            if (p == null) {
                return -1;
            }
            Matcher m = p.matcher(text);
            m.region(at, text.length());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            if (m.lookingAt() && m.end() > at) {
                out.add(m.group());
                return m.end();
            }
            return -1;
        }
    }

    /** Loads the shipped lexicon. */
    public static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, List<String>> rows = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                rows.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(cols[2]);
            }
            return new Lexicon(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static boolean isLogographic(String pattern) {
        return !pattern.isEmpty() && isLogographic(pattern.charAt(0));
    }

    private static boolean isLogographic(char c) {
        if (c < 0x2E80) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    /** The first term of a category found in the (already lower-cased) text. */
    public Optional<String> first(String category, String text) {
        List<String> found = all(category, text, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every term of a category found, in order (at most {@code limit}). */
    public List<String> all(String category, String text, int limit) {
        Index index = patterns.get(category);
        List<String> out = new ArrayList<>();
        if (index == null || text.isEmpty()) {
            return out;
        }
        index.find(bounded(text), limit, out);
        return out;
    }

    /** Whether a single word is a greeting, thanks or filler. */
    public boolean isFiller(String word) {
        return filler.matcher(word).matches();
    }

    public boolean has(String category) {
        return patterns.containsKey(category);
    }

    private static CharSequence bounded(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
