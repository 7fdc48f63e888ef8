package dev.hearken.understanding.rules;

import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import dev.hearken.understanding.Topic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rule decisions on top of the {@link Lexicon}: priority signals, spam rules, intent and topic terms, dummy. */
public final class Signals {

    private static final Pattern URL = Pattern.compile("(?i)https?://|www\\.");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’-]*");

    /** Most characters between the start of an action term and the start of its object term. */
    static final int PAIR_WINDOW = 60;
    /** Hits of each side of a pair looked at; a long e-mail repeats "account" and "delete" often. */
    private static final int PAIR_MAX_HITS = 200;

    /** Words counted at most: callers only ask whether a message is short. */
    private static final int MAX_COUNTED_WORDS = 10;

    private final Lexicon lexicon;

    public Signals(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A spam rule that fired. */
    public record SpamRule(String code, String detail, double score) {
    }

    /**
     * Priority signals with the term(s) that fired each, in order privacy, legal, payment failure. A signal fires on a
     * term that alone means it ({@code privacy}, {@code legal}, {@code payment_failure}) or on an action and its
     * object close together ({@code privacy:act} + {@code privacy:object}, {@code payment:problem} +
     * {@code payment:object}), in either order: "delete my account", "계정 삭제", "アカウントを削除".
     *
     * @param folded the whole text the user wrote, {@link dev.hearken.understanding.text.TextFold folded}
     */
    public Map<PrioritySignal, String> priority(String folded) {
        Map<PrioritySignal, String> out = new EnumMap<>(PrioritySignal.class);
        String privacy = direct("privacy", folded);
        if (privacy == null) {
            privacy = pair("privacy:act", "privacy:object", folded);
        }
        if (privacy != null) {
            out.put(PrioritySignal.PRIVACY, privacy);
        }
        String legal = direct("legal", folded);
        if (legal != null) {
            out.put(PrioritySignal.LEGAL, legal);
        }
        String payment = direct("payment_failure", folded);
        if (payment == null) {
            payment = pair("payment:problem", "payment:object", folded);
        }
        if (payment != null) {
            out.put(PrioritySignal.PAYMENT_FAILURE, payment);
        }
        return out;
    }

    private String direct(String category, String folded) {
        List<Lexicon.Hit> hits = lexicon.hits(category, folded, 1, Lexicon.MAX_PRIORITY_CHARS);
        return hits.isEmpty() ? null : hits.get(0).term();
    }

    /** The first action/object pair whose starts lie within {@value #PAIR_WINDOW} characters, as "a … b". */
    private String pair(String actions, String objects, String folded) {
        List<Lexicon.Hit> as = lexicon.hits(actions, folded, PAIR_MAX_HITS, Lexicon.MAX_PRIORITY_CHARS);
        if (as.isEmpty()) {
            return null;
        }
        List<Lexicon.Hit> bs = lexicon.hits(objects, folded, PAIR_MAX_HITS, Lexicon.MAX_PRIORITY_CHARS);
        for (Lexicon.Hit a : as) {
            for (Lexicon.Hit b : bs) {
                if (Math.abs(a.start() - b.start()) <= PAIR_WINDOW) {
                    return a.start() <= b.start() ? a.term() + " … " + b.term() : b.term() + " … " + a.term();
                }
            }
        }
        return null;
    }

    /**
     * Whether the message is a greeting, thanks, test or filler and nothing else (see {@link Lexicon#isDummy}):
     * a message is dummy only on this positive evidence, never for want of a known word.
     */
    public boolean dummy(String folded) {
        return lexicon.isDummy(folded);
    }

    /** The strongest spam rule that fires, or {@code null}. */
    public SpamRule spam(String lower, String body) {
        var auto = lexicon.first("spam:auto", lower);
        if (auto.isPresent()) {
            return new SpamRule("spam.auto-generated", auto.get(), 0.95);
        }
        int urls = 0;
        Matcher m = URL.matcher(body);
        while (urls < 10 && m.find()) {
            urls++;
        }
        List<String> content = lexicon.all("spam:content", lower, 5);
        // Premium-rate SMS marketing: short codes, per-message prices, opt-out keywords.
        List<String> sms = lexicon.all("spam:sms", lower, 5);
        if (sms.size() >= 2) {
            return new SpamRule("spam.premium-sms", String.join(", ", sms), 0.85);
        }
        if (urls >= 3) {
            return new SpamRule("spam.links", urls + " links", 0.9);
        }
        if (content.size() >= 2 || content.size() == 1 && (urls >= 1 || sms.size() == 1)) {
            return new SpamRule("spam.content", String.join(", ", content) + (urls > 0 ? " + link" : ""), 0.85);
        }
        return null;
    }

    /** The lexicon term supporting an intent, or {@code null}. */
    public String intentTerm(Intent intent, String lower) {
        return lexicon.first("intent:" + intent.label(), lower).orElse(null);
    }

    /** The lexicon term supporting a topic, or {@code null}. */
    public String topicTerm(Topic topic, String lower) {
        return lexicon.first("topic:" + topic.name(), lower).orElse(null);
    }

    /**
     * Words that are not greetings, thanks or fillers. Scripts written without spaces count one word per two
     * characters.
     */
    public int meaningfulWords(String folded) {
        if (folded.length() > Lexicon.MAX_DUMMY_CHARS) {
            return MAX_COUNTED_WORDS + 1; // far from short: not worth the filler scan
        }
        int count = 0;
        Matcher m = WORD.matcher(lexicon.withoutFillers(folded));
        while (m.find() && count <= MAX_COUNTED_WORDS) {
            String w = m.group();
            Character.UnicodeScript s = Character.UnicodeScript.of(w.codePointAt(0));
            if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI) {
                count += (w.codePointCount(0, w.length()) + 1) / 2;
            } else {
                count++;
            }
        }
        return count;
    }
}
