package dev.hearken.understanding.rules;

import dev.hearken.understanding.language.SupportedLanguages;
import dev.hearken.understanding.text.TextFold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The project-written multilingual rule lexicon: {@value #RESOURCE} (spam, topic, sentiment and intent terms) and
 * one file per required language, {@value #LANGUAGE_RESOURCES}{@code <code>.tsv} (priority, dummy and intent terms;
 * see {@code functions/understanding/LEXICON.md}). One index per category, matched on {@link TextFold folded} text;
 * every pattern is folded the same way when loaded. Every language's terms apply to every text: users mix
 * languages, and romanised Hindi is detected as English.
 *
 * <p>Where a term may match depends on its script: Latin, Cyrillic, Greek and Indic terms at a word start (as a
 * prefix, so stems match their inflections); Han, Kana, Hangul, Thai, Lao, Khmer, Myanmar, Arabic and Hebrew terms
 * anywhere (no spaces between words, attached particles and prefixes such as Korean 을/를 or Arabic و/ال).
 */
public final class Lexicon {

    /** Classpath resource; bump the version in its name when its meaning changes. */
    public static final String RESOURCE = "/dev/hearken/understanding/rules/lexicon-v1.tsv";
    /** Classpath folder of the per-language files, named by {@link SupportedLanguages#REQUIRED}. */
    public static final String LANGUAGE_RESOURCES = "/dev/hearken/understanding/rules/lang/";
    /** Most rules look at the start of a message only, which keeps their cost bounded. */
    static final int MAX_CHARS = 3_000;
    /** Characters the priority rules read: everything a user plausibly wrote (the raw input is cut at 50,000). */
    public static final int MAX_PRIORITY_CHARS = 60_000;
    /** Longest (folded) message that can be dummy: greetings and thanks are short. */
    static final int MAX_DUMMY_CHARS = 200;

    /** A term found in a text, with its place in the folded text. */
    public record Hit(String term, int start, int end) {
    }

    private final Map<String, Index> patterns;
    private final Index dummy;

    Lexicon(Map<String, List<String>> byCategory) {
        Map<String, Index> compiled = new LinkedHashMap<>();
        byCategory.forEach((category, list) -> {
            if (!category.equals("filler") && !category.equals("dummy")) {
                compiled.put(category, new Index(list.stream().map(Lexicon::foldPattern).toList()));
            }
        });
        this.patterns = Map.copyOf(compiled);
        List<String> fillers = new ArrayList<>(byCategory.getOrDefault("filler", List.of()));
        fillers.addAll(byCategory.getOrDefault("dummy", List.of()));
        this.dummy = dummyIndex(fillers);
    }

    /**
     * Every greeting, thanks, test and filler phrase, longest first; a phrase in a spaced script must end where its
     * word ends (the index already makes it start at a word start).
     */
    private static Index dummyIndex(List<String> phrases) {
        List<String> terms = new ArrayList<>();
        phrases.stream().map(Lexicon::foldPattern).map(String::strip).filter(p -> !p.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .forEach(p -> {
                    String re = compiles(p) ? p : Pattern.quote(p);
                    terms.add(matchesAnywhere(p.charAt(0)) ? re : "(?:" + re + ")(?![\\p{L}\\p{N}\\p{M}])");
                });
        return new Index(terms);
    }

    private static boolean compiles(String re) {
        try {
            Pattern.compile(re);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * The terms of one category, bucketed by their first character so that each word start tries only the few
     * terms that can match there (a single alternation of all terms tried at every position was the pipeline's
     * bottleneck). Text arrives folded, so matching is case-sensitive.
     */
    private static final class Index {
        /** Most variants one term is expanded into; a term with more stays whole. */
        private static final int MAX_EXPANSION = 64;

        private final Map<Integer, Pattern> wordsByFirstTwo = new HashMap<>();
        private final Map<Character, Pattern> wordsByFirst = new HashMap<>();
        private final Pattern wordsOther;
        private final Map<Integer, Pattern> anywhereByFirstTwo = new HashMap<>();
        private final Map<Character, Pattern> anywhereByFirst = new HashMap<>();
        private final Pattern anywhereOther;

        Index(List<String> terms) {
            Map<Integer, List<String>> words2 = new HashMap<>();
            Map<Character, List<String>> words1 = new HashMap<>();
            Map<Integer, List<String>> anywhere2 = new HashMap<>();
            Map<Character, List<String>> anywhere1 = new HashMap<>();
            List<String> wordsAny = new ArrayList<>();
            List<String> anywhereAny = new ArrayList<>();
            for (String t : terms) {
                String whole = t.startsWith("\\b") ? t.substring(2) : t;
                for (String term : expand(whole)) {
                    if (term.isEmpty()) {
                        continue;
                    }
                    char first = term.charAt(0);
                    if (!literalAt(term, 0)) {
                        (matchesAnywhere(firstLetter(term)) ? anywhereAny : wordsAny).add(term);
                    } else if (literalAt(term, 1)) {
                        int key = first << 16 | term.charAt(1);
                        (matchesAnywhere(first) ? anywhere2 : words2).computeIfAbsent(key, k -> new ArrayList<>()).add(term);
                    } else {
                        (matchesAnywhere(first) ? anywhere1 : words1).computeIfAbsent(first, k -> new ArrayList<>()).add(term);
                    }
                }
            }
            words2.forEach((c, l) -> wordsByFirstTwo.put(c, alternation(l)));
            words1.forEach((c, l) -> wordsByFirst.put(c, alternation(l)));
            anywhere2.forEach((c, l) -> anywhereByFirstTwo.put(c, alternation(l)));
            anywhere1.forEach((c, l) -> anywhereByFirst.put(c, alternation(l)));
            wordsOther = wordsAny.isEmpty() ? null : alternation(wordsAny);
            anywhereOther = anywhereAny.isEmpty() ? null : alternation(anywhereAny);
        }

        private static Pattern alternation(List<String> terms) {
            return Pattern.compile("(?:" + String.join("|", terms) + ")", Pattern.UNICODE_CHARACTER_CLASS);
        }

        /** Whether the character at {@code i} is a plain literal that a match must contain right there. */
        private static boolean literalAt(String re, int i) {
            if (i >= re.length()) {
                return false;
            }
            char c = re.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '$' && c != '\'') {
                return false;
            }
            return i + 1 >= re.length() || "?*{".indexOf(re.charAt(i + 1)) < 0;
        }

        /**
         * The same term as plain variants where that is easy to see — a leading {@code (?:a|b)rest} group becomes
         * {@code arest}, {@code brest}, a leading class {@code [ab]rest} becomes {@code arest}, {@code brest} — so that
         * each variant is bucketed by its first letters and only the few that can match are tried at a position (one
         * alternation of all terms at every word start was the pipeline's bottleneck).
         */
        static List<String> expand(String re) {
            List<String> out = new ArrayList<>();
            if (!expandInto(re, out) || out.size() > MAX_EXPANSION) {
                return List.of(re);
            }
            return out;
        }

        private static boolean expandInto(String re, List<String> out) {
            if (out.size() > MAX_EXPANSION) {
                return false;
            }
            List<String> heads = new ArrayList<>();
            int end;
            if (re.startsWith("(?:")) {
                end = groupEnd(re, 0);
                if (end < 0) {
                    return false;
                }
                heads.addAll(topLevelAlternatives(re.substring(3, end - 1)));
            } else if (re.startsWith("[")) {
                int close = re.indexOf(']', 1);
                if (close < 2) {
                    return false;
                }
                for (char m : re.substring(1, close).toCharArray()) {
                    if (!Character.isLetterOrDigit(m)) {
                        return false; // ranges, negation, escapes: kept whole
                    }
                    heads.add(String.valueOf(m));
                }
                end = close + 1;
            } else {
                out.add(re);
                return true;
            }
            String rest = re.substring(end);
            if (!rest.isEmpty() && "?*{+".indexOf(rest.charAt(0)) >= 0) {
                return false; // the group is optional or repeated: kept whole
            }
            for (String head : heads) {
                if (head.isEmpty() || !expandInto(head + rest, out)) {
                    return false;
                }
            }
            return true;
        }

        /** The index just past the group opening at {@code open}, or -1. */
        private static int groupEnd(String re, int open) {
            int depth = 0;
            boolean inClass = false;
            for (int i = open; i < re.length(); i++) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }

        private static List<String> topLevelAlternatives(String body) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            boolean inClass = false;
            int start = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    out.add(body.substring(start, i));
                    start = i + 1;
                }
            }
            out.add(body.substring(start));
            return out;
        }

        private static char firstLetter(String re) {
            for (int i = 0; i < re.length(); i++) {
                if (Character.isLetter(re.charAt(i)) && (i == 0 || re.charAt(i - 1) != '\\')) {
                    return re.charAt(i);
                }
            }
            return ' ';
        }

        void find(CharSequence text, int limit, List<Hit> out) {
            int n = text.length();
            for (int i = 0; i < n && out.size() < limit; i++) {
                char c = text.charAt(i);
                boolean free = matchesAnywhere(c);
                if (!free && (!Character.isLetterOrDigit(c) || i > 0 && !wordStart(text.charAt(i - 1), c))) {
                    continue;
                }
                int end = -1;
                if (i + 1 < n) {
                    end = tryAt((free ? anywhereByFirstTwo : wordsByFirstTwo).get(c << 16 | text.charAt(i + 1)), text, i, out);
                }
                if (end < 0) {
                    end = tryAt((free ? anywhereByFirst : wordsByFirst).get(c), text, i, out);
                }
                Pattern other = free ? anywhereOther : wordsOther;
                if (end < 0) {
                    end = tryAt(other, text, i, out);
                }
                if (end > i) {
                    i = end - 1;
                }
            }
        }

        private static int tryAt(Pattern p, CharSequence text, int at, List<Hit> out) {
            if (p == null) {
                return -1;
            }
            Matcher m = p.matcher(text);
            m.region(at, text.length());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            if (m.lookingAt() && m.end() > at) {
                out.add(new Hit(m.group(), at, m.end()));
                return m.end();
            }
            return -1;
        }
    }

    /** Loads the shipped lexicon: {@value #RESOURCE} and every required language's file. */
    public static Lexicon load() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        read(RESOURCE, true, rows);
        for (String language : SupportedLanguages.REQUIRED) {
            read(LANGUAGE_RESOURCES + language + ".tsv", false, rows);
        }
        return new Lexicon(rows);
    }

    /** Reads one file: {@code category<TAB>language<TAB>pattern} (v1) or {@code category<TAB>pattern}. */
    private static void read(String resource, boolean required, Map<String, List<String>> rows) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(resource + " is not on the classpath");
                }
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2 || cols[cols.length - 1].isBlank()) {
                    throw new IllegalStateException(resource + ":" + number + ": expected category<TAB>pattern");
                }
                String pattern = cols[cols.length - 1].strip();
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(resource + ":" + number + ": bad pattern: " + e.getDescription(), e);
                }
                rows.computeIfAbsent(cols[0].strip(), k -> new ArrayList<>()).add(pattern);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Folds the literal parts of a regular expression the way {@link TextFold} folds text, leaving escapes
     * ({@code \w}, {@code \b}, {@code \p{L}}) as they are.
     */
    static String foldPattern(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(TextFold.foldFragment(literal.toString()));
                literal.setLength(0);
                char next = regex.charAt(i + 1);
                int end = i + 2;
                if ((next == 'p' || next == 'P') && end < regex.length() && regex.charAt(end) == '{') {
                    int close = regex.indexOf('}', end);
                    end = close < 0 ? regex.length() : close + 1;
                }
                out.append(regex, i, end);
                i = end - 1;
            } else {
                literal.append(c);
            }
        }
        out.append(TextFold.foldFragment(literal.toString()));
        return out.toString();
    }

    /**
     * Whether {@code c} starts a word after {@code previous}: after anything that is not part of a word, or where the
     * script changes ("根据GDPR", "去12315", "2回"). A vowel sign or other mark continues its word (Devanagari, Bengali).
     */
    static boolean wordStart(char previous, char c) {
        if (!Character.isLetterOrDigit(previous)) {
            int type = Character.getType(previous);
            return type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK;
        }
        return Character.isDigit(previous) != Character.isDigit(c)
                || Character.UnicodeScript.of(previous) != Character.UnicodeScript.of(c);
    }

    /** Scripts written without spaces between words, or with particles and prefixes attached to words. */
    static boolean matchesAnywhere(char c) {
        if (c < 0x0590) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return switch (s) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR, ARABIC, HEBREW -> true;
            default -> false;
        };
    }

    /** The first term of a category found in the (already folded) text. */
    public Optional<String> first(String category, String text) {
        List<String> found = all(category, text, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every term of a category found in the first {@value #MAX_CHARS} characters, in order (at most {@code limit}). */
    public List<String> all(String category, String text, int limit) {
        return hits(category, text, limit, MAX_CHARS).stream().map(Hit::term).toList();
    }

    /** Every term of a category found in the first {@code maxChars} characters, with places (at most {@code limit}). */
    public List<Hit> hits(String category, String text, int limit, int maxChars) {
        Index index = patterns.get(category);
        List<Hit> out = new ArrayList<>();
        if (index == null || text.isEmpty()) {
            return out;
        }
        index.find(text.length() > maxChars ? text.substring(0, maxChars) : text, limit, out);
        return out;
    }

    /**
     * Whether a (folded) message carries nothing but greetings, thanks, test words and fillers, punctuation, emoji,
     * digits and spaces: the positive evidence a "dummy" message needs.
     */
    public boolean isDummy(String folded) {
        if (folded.length() > MAX_DUMMY_CHARS) {
            return false;
        }
        String rest = withoutFillers(folded);
        for (int i = 0; i < rest.length(); ) {
            int cp = rest.codePointAt(i);
            if (Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The (folded) text with every greeting, thanks, test and filler phrase replaced by a space. */
    public String withoutFillers(String folded) {
        List<Hit> hits = new ArrayList<>();
        dummy.find(folded, Integer.MAX_VALUE, hits);
        if (hits.isEmpty()) {
            return folded;
        }
        StringBuilder out = new StringBuilder(folded);
        for (Hit h : hits) {
            for (int i = h.start(); i < h.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    public boolean has(String category) {
        return patterns.containsKey(category);
    }
}
