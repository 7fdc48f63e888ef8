package dev.hearken.review.aws;

import dev.hearken.review.ingest.ReviewAnalysis;
import dev.hearken.review.ingest.ReviewAnalyzer;
import dev.hearken.review.model.Review;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Understanding;
import java.util.Locale;
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
        Analysis a = understanding.get().analyze(input);
        Set<String> topics = a.topics().keySet().stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new ReviewAnalysis(a.language(), a.sentiment(), a.intent().label(), a.intentConfidence(), topics,
                a.spam(), a.isPriority(), a.modelVersion());
    }
}
