package dev.hearken.understanding.rules;

import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import dev.hearken.understanding.Topic;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rule decisions on top of the {@link Lexicon}: priority signals, spam rules, intent and topic terms, dummy. */
public final class Signals {

    private static final Pattern URL = Pattern.compile("(?i)https?://|www\\.");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private final Lexicon lexicon;

    public Signals(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A spam rule that fired. */
    public record SpamRule(String code, String detail, double score) {
    }

    /** Priority signals with the term that fired each, in order privacy, legal, payment failure. */
    public Map<PrioritySignal, String> priority(String lower) {
        Map<PrioritySignal, String> out = new EnumMap<>(PrioritySignal.class);
        lexicon.first("privacy", lower).ifPresent(t -> out.put(PrioritySignal.PRIVACY, t));
        lexicon.first("legal", lower).ifPresent(t -> out.put(PrioritySignal.LEGAL, t));
        lexicon.first("payment_failure", lower).ifPresent(t -> out.put(PrioritySignal.PAYMENT_FAILURE, t));
        return out;
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
     * Words that are not greetings, thanks or fillers. Scripts without spaces count one word per two characters.
     */
    public int meaningfulWords(String lower) {
        int count = 0;
        Matcher m = WORD.matcher(lower);
        while (m.find() && count <= 10) {
            String w = m.group();
            if (lexicon.isFiller(w)) {
                continue;
            }
            int cp = w.codePointAt(0);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI) {
                String rest = stripFillers(w);
                count += (rest.codePointCount(0, rest.length()) + 1) / 2;
            } else {
                count++;
            }
        }
        return count;
    }

    private String stripFillers(String w) {
        String out = w;
        for (String f : List.of("你好", "您好", "谢谢", "謝謝", "こんにちは", "ありがとうございます", "ありがとう", "お願いします", "在吗")) {
            out = out.replace(f, "");
        }
        return out.toLowerCase(Locale.ROOT);
    }
}
