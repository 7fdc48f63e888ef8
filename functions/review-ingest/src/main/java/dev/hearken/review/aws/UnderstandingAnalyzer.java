package dev.hearken.review.aws;

import dev.hearken.review.ingest.ReviewAnalysis;
import dev.hearken.review.ingest.ReviewAnalyzer;
import dev.hearken.review.model.Review;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import dev.hearken.understanding.Understanding;
import java.util.Locale;
import java.util.TreeSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link ReviewAnalyzer} with the shared understanding library. The library is obtained lazily: loading it costs
 * about a second and 130 MB, which the webhook, poller and query functions of this artifact never need.
 */
public final class UnderstandingAnalyzer implements ReviewAnalyzer {

    private final Supplier<Understanding> understanding;

    public UnderstandingAnalyzer(Supplier<Understanding> understanding) {
        this.understanding = understanding;
    }

    @Override
    public ReviewAnalysis analyze(Review r) {
        Input input = Input.review(r.title(), r.body(), r.rating(), r.territory());
        if (r.language() != null) {
            input = input.withLocaleHint(r.language());
        }
        return of(understanding.get().analyze(input));
    }

    /** A review's analysis in this context's terms (also used by {@code make explain}). */
    public static ReviewAnalysis of(Analysis a) {
        Set<String> topics = a.topics().keySet().stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new ReviewAnalysis(a.language(), a.sentiment(), a.intent().label(), a.intentConfidence(), topics,
                a.spam(), a.isPriority(), a.modelVersion(), flags(a));
    }

    /**
     * The priority flags of an analysis, read as ticket-classify reads them for a ticket: every priority signal,
     * and the privacy/legal intent (the intent model and the priority rules are independent readings; either one
     * is enough to keep a person in the loop).
     */
    static Set<String> flags(Analysis a) {
        Set<String> flags = new TreeSet<>();
        for (PrioritySignal signal : a.priority()) {
            flags.add(switch (signal) {
                case PRIVACY -> "privacy";
                case LEGAL -> "legal";
                case PAYMENT_FAILURE -> "payment";
                // A signal added later still keeps the review away from automatic answers.
                default -> signal.name().toLowerCase(Locale.ROOT);
            });
        }
        if (a.intent() == Intent.PRIVACY_REQUEST) {
            flags.add("privacy");
        } else if (a.intent() == Intent.LEGAL) {
            flags.add("legal");
        }
        return flags;
    }
}
