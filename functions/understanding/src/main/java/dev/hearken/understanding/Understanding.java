package dev.hearken.understanding;

import dev.hearken.understanding.language.LanguageDetector;
import dev.hearken.understanding.language.LanguageGuess;
import dev.hearken.understanding.language.NgramLanguageDetector;
import dev.hearken.understanding.language.SupportedLanguages;
import dev.hearken.understanding.model.Featurizer;
import dev.hearken.understanding.model.LinearModel;
import dev.hearken.understanding.model.ModelBundle;
import dev.hearken.understanding.rules.Lexicon;
import dev.hearken.understanding.rules.Signals;
import dev.hearken.understanding.sentiment.SentimentScorer;
import dev.hearken.understanding.text.CleanText;
import dev.hearken.understanding.text.TextCleaner;
import dev.hearken.understanding.text.TextFold;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ticket or review and decides language, spam, intent, sentiment, priority signals and topics, each with
 * its reasons. Thread-safe and immutable: build one per process ({@link #load()} takes about a second and holds
 * about 120 MB of models) and share it.
 *
 * <p>{@link #analyze(Input)} never throws for any input: empty, whitespace-only, huge, HTML or malformed text all
 * get a defined result.
 */
public final class Understanding {

    /** A message with at most this many meaningful words is short: with no known term it is "other", not dummy. */
    static final int SHORT_MAX_WORDS = 2;
    /** The intent model's probability a short message needs to be placed; below it, it is "other". */
    static final double SHORT_MIN_MODEL_PROBABILITY = 0.6;
    /** Confidence of a message that is greetings, thanks or fillers only. */
    static final double DUMMY_CONFIDENCE = 0.95;
    /**
     * When the intent model gives privacy or legal at least this probability without either being decided, the
     * decision's confidence is capped at {@link #SUSPECT_CONFIDENCE_CAP}: no automatic answer (when unsure, a person).
     */
    static final double PRIORITY_SUSPICION = 0.2;
    static final double SUSPECT_CONFIDENCE_CAP = 0.3;
    /**
     * Highest intent confidence in a language the intent model has no training examples in (outside
     * {@link SupportedLanguages#REQUIRED}): below every reply threshold, so such a text goes to a person.
     */
    static final double UNCOVERED_LANGUAGE_CONFIDENCE_CAP = 0.35;
    /** Weight of a lexicon hit added to the intent model's probability (then renormalised). */
    static final double LEXICON_INTENT_BOOST = 0.6;
    /** The same for texts not in English, where the intent model knows only the seed examples. */
    static final double LEXICON_INTENT_BOOST_OTHER_LANGUAGES = 1.0;
    /** Extra weight of a lexicon hit for intents that ask for an action. */
    static final double ACTIONABLE_BONUS = 0.4;
    /** Score given to a topic named by the lexicon (above the 0.5 decision line). */
    static final double LEXICON_TOPIC_SCORE = 0.75;
    private static final Map<String, Topic> TOPICS_BY_NAME = java.util.Arrays.stream(Topic.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::name, t -> t));
    static final Set<Intent> ACTIONABLE = EnumSet.of(Intent.REFUND, Intent.BUG, Intent.FEATURE_REQUEST, Intent.ACCOUNT_LOGIN);

    private final TextCleaner cleaner = new TextCleaner();
    private final LanguageDetector languages;
    private final ModelBundle models;
    private final Lexicon lexicon;
    private final Signals signals;
    private final SentimentScorer sentiment;

    public Understanding(LanguageDetector languages, ModelBundle models, Lexicon lexicon) {
        this.languages = languages;
        this.models = models;
        this.lexicon = lexicon;
        this.signals = new Signals(lexicon);
        this.sentiment = new SentimentScorer(lexicon);
    }

    /** The shipped language detector, models and lexicon from the classpath. */
    public static Understanding load() {
        return new Understanding(NgramLanguageDetector.load(), ModelBundle.load(), Lexicon.load());
    }

    /** The same pipeline with another model bundle (used by the evaluation command with {@code TRAIN=}). */
    public Understanding withModels(ModelBundle other) {
        return new Understanding(languages, other, lexicon);
    }

    public String modelVersion() {
        return models.version();
    }

    /** Analyses one input. Never throws; see the class comment. */
    public Analysis analyze(Input input) {
        try {
            return decide(input == null ? Input.of(null) : input);
        } catch (RuntimeException e) {
            // Defence in depth: a decision is always returned, and the failure is visible in the reasons.
            return new Analysis(LanguageGuess.UNDETERMINED, null, 0, false, 0, Intent.OTHER, 0, null, 0,
                    Set.of(), Map.of(), List.of(Reason.input("internal-error", e.getClass().getSimpleName())),
                    models.version(), false);
        }
    }

    private Analysis decide(Input input) {
        List<Reason> reasons = new ArrayList<>();
        CleanText body = cleaner.clean(input.text());
        CleanText subject = cleaner.clean(input.subject());
        String text = subject.isEmpty() ? body.text()
                : body.isEmpty() ? subject.text() : subject.text() + ". " + body.text();
        boolean truncated = body.truncated() || subject.truncated();
        for (String step : body.steps()) {
            reasons.add(Reason.input(step, step.equals("truncated")
                    ? "input cut to " + TextCleaner.MAX_CLEAN_CHARS + " characters" : "removed before analysis"));
        }
        reasons.add(Reason.model("model-version", models.version()));

        if (text.isEmpty()) {
            return empty(input, reasons, truncated);
        }

        String hint = SupportedLanguages.fromLocale(input.localeHint());
        if (hint == null) {
            hint = SupportedLanguages.fromTerritory(input.territory());
        }
        LanguageGuess lang = languages.detect(text, hint);
        reasons.add(Reason.model("language", lang.tag() + " " + fmt(lang.confidence())
                + (lang.hintUsed() ? " (hint " + hint + ")" : "") + " by " + languages.name()));

        String lower = TextFold.fold(text);
        Featurizer.Features x = Featurizer.of(text, input.rating());

        // Spam: model probability, raised by rules for auto-generated mail and obvious content spam.
        double spamScore = models.model("spam").map(m -> m.predict(x)[m.labels().indexOf("spam")]).orElse(0.0);
        reasons.add(Reason.model("spam.model", fmt(spamScore)));
        Signals.SpamRule spamRule = signals.spam(lower, body.text());
        if (spamRule != null) {
            spamScore = Math.max(spamScore, spamRule.score());
            reasons.add(Reason.rule(spamRule.code(), spamRule.detail()));
        }
        boolean spam = spamScore >= 0.5;

        // The priority rules read everything the user wrote: subject, body, signature area, P.S., quoted text.
        String full = TextFold.fold(cleaner.fullText(input.subject()) + "\n" + cleaner.fullText(input.text()));
        Set<PrioritySignal> priority = EnumSet.noneOf(PrioritySignal.class);
        for (Map.Entry<PrioritySignal, String> hit : signals.priority(full).entrySet()) {
            priority.add(hit.getKey());
            reasons.add(Reason.rule(hit.getKey().name().toLowerCase(Locale.ROOT) + ".lexicon", hit.getValue()));
        }

        IntentDecision intent = intent(x, lower, lang.code(), priority, reasons);
        double sentimentScore = sentiment.score(lower, input.rating());
        reasons.add(Reason.model("sentiment", fmt(sentimentScore) + (input.rating() != null ? " (rating " + input.rating() + ")" : "")));
        Map<Topic, Double> topics = topics(x, lower, reasons);

        return new Analysis(lang.code(), lang.script(), lang.confidence(), spam, spamScore, intent.intent,
                intent.confidence, intent.detail, sentimentScore, priority, topics, reasons, models.version(), truncated);
    }

    private Analysis empty(Input input, List<Reason> reasons, boolean truncated) {
        // A rating without words is a normal review; an empty ticket or message is noise.
        boolean spam = !(input.channel() == Channel.REVIEW && input.rating() != null);
        reasons.add(Reason.rule("empty", "no text after clean-up"));
        double s = input.rating() == null ? 0 : (input.rating() - 3) / 2.0;
        return new Analysis(LanguageGuess.UNDETERMINED, null, 0, spam, spam ? 1.0 : 0.0, Intent.DUMMY, 1.0, null, s,
                Set.of(), Map.of(), reasons, models.version(), truncated);
    }

    private record IntentDecision(Intent intent, double confidence, String detail) {
    }

    private IntentDecision intent(Featurizer.Features x, String lower, String language, Set<PrioritySignal> priority,
                                  List<Reason> reasons) {
        String detail = null;
        LinearModel detailModel = models.model("intent-detail").orElse(null);
        if (detailModel != null) {
            double[] p = detailModel.predict(x);
            int best = LinearModel.argmax(p);
            detail = detailModel.labels().get(best);
            reasons.add(Reason.model("intent-detail.model", detail + " " + fmt(p[best])));
        }
        double[] scores = new double[Intent.values().length];
        LinearModel model = models.model("intent").orElse(null);
        if (model != null) {
            double[] p = model.predict(x);
            for (int j = 0; j < p.length; j++) {
                scores[Intent.fromLabel(model.labels().get(j)).ordinal()] += p[j];
            }
        } else {
            scores[Intent.OTHER.ordinal()] = 1.0;
        }
        boolean lexiconHit = false;
        for (Intent i : Intent.values()) {
            String hit = signals.intentTerm(i, lower);
            if (hit != null) {
                // The model learnt mostly from English: elsewhere the lexicon weighs more. A request to act
                // (refund, fix, add, let me in) outranks the praise or billing words that often come with it.
                double boost = "en".equals(language) ? LEXICON_INTENT_BOOST : LEXICON_INTENT_BOOST_OTHER_LANGUAGES;
                scores[i.ordinal()] += ACTIONABLE.contains(i) ? boost + ACTIONABLE_BONUS : boost;
                lexiconHit = true;
                reasons.add(Reason.rule("intent." + i.label() + ".lexicon", hit));
            }
        }
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        int best = 0;
        for (int j = 0; j < scores.length; j++) {
            scores[j] /= sum;
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        Intent intent = Intent.values()[best];
        double confidence = scores[best];
        if (priority.contains(PrioritySignal.LEGAL)) {
            intent = Intent.LEGAL;
            confidence = Math.max(0.9, scores[Intent.LEGAL.ordinal()]);
        } else if (priority.contains(PrioritySignal.PRIVACY)) {
            intent = Intent.PRIVACY_REQUEST;
            confidence = Math.max(0.9, scores[Intent.PRIVACY_REQUEST.ordinal()]);
        } else if (signals.dummy(lower)) {
            intent = Intent.DUMMY;
            confidence = DUMMY_CONFIDENCE;
            reasons.add(Reason.rule("dummy", "greetings, thanks, test words or fillers only"));
        } else if (intent == Intent.DUMMY || !lexiconHit && scores[best] < SHORT_MIN_MODEL_PROBABILITY
                && signals.meaningfulWords(lower) <= SHORT_MAX_WORDS) {
            // Dummy needs positive evidence; a short message nothing can place goes to a person.
            reasons.add(Reason.rule("short-unplaced", intent.label() + " " + fmt(confidence) + " → other"));
            intent = Intent.OTHER;
            confidence = Math.min(confidence, scores[Intent.OTHER.ordinal()]);
        }
        double suspicion = scores[Intent.PRIVACY_REQUEST.ordinal()] + scores[Intent.LEGAL.ordinal()];
        if (priority.isEmpty() && intent != Intent.PRIVACY_REQUEST && intent != Intent.LEGAL
                && suspicion >= PRIORITY_SUSPICION && confidence > SUSPECT_CONFIDENCE_CAP) {
            confidence = SUSPECT_CONFIDENCE_CAP;
            reasons.add(Reason.model("priority-suspect", "privacy+legal " + fmt(suspicion) + ": confidence capped at "
                    + fmt(SUSPECT_CONFIDENCE_CAP)));
        }
        if (intent != Intent.DUMMY && !SupportedLanguages.REQUIRED.contains(language)
                && confidence > UNCOVERED_LANGUAGE_CONFIDENCE_CAP) {
            confidence = UNCOVERED_LANGUAGE_CONFIDENCE_CAP;
            reasons.add(Reason.model("language-coverage", language + " has no intent training: confidence capped at "
                    + fmt(UNCOVERED_LANGUAGE_CONFIDENCE_CAP)));
        }
        reasons.add(Reason.model("intent", intent.label() + " " + fmt(confidence)));
        return new IntentDecision(intent, confidence, detail);
    }

    private Map<Topic, Double> topics(Featurizer.Features x, String lower, List<Reason> reasons) {
        Map<Topic, Double> out = new EnumMap<>(Topic.class);
        LinearModel model = models.model("topics").orElse(null);
        double[] p = new double[Topic.values().length];
        if (model != null) {
            double[] q = model.predict(x);
            for (int j = 0; j < q.length; j++) {
                Topic topic = TOPICS_BY_NAME.get(model.labels().get(j));
                if (topic != null) {
                    p[topic.ordinal()] = q[j];
                }
            }
        }
        // The topic model learnt from 936 English reviews: the lexicon adds recall for rare wordings and carries
        // the decision in other languages.
        for (Topic t : Topic.values()) {
            String hit = signals.topicTerm(t, lower);
            if (hit != null) {
                p[t.ordinal()] = Math.max(p[t.ordinal()], LEXICON_TOPIC_SCORE);
                reasons.add(Reason.rule("topic." + t.name().toLowerCase(Locale.ROOT) + ".lexicon", hit));
            }
        }
        int best = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] >= 0.5) {
                out.put(Topic.values()[j], round(p[j]));
            }
            if (p[j] > p[best]) {
                best = j;
            }
        }
        if (out.size() > 1) {
            // OTHER means "none of the others" (it never co-occurs with another category in the URR data).
            out.remove(Topic.OTHER);
        }
        if (out.isEmpty()) {
            out.put(Topic.values()[best], round(p[best]));
        }
        reasons.add(Reason.model("topics", out.toString()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
