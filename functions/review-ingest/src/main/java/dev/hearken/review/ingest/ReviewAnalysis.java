package dev.hearken.review.ingest;

import java.util.Set;

/**
 * What the understanding library decided about one review version, in the terms this context acts on.
 *
 * @param language         detected ISO 639-1 language ({@code und} when undetermined)
 * @param sentiment        in [-1, 1], from the words and the stars
 * @param intent           intent label ({@code bug}, {@code praise}, {@code subscription_billing}, …)
 * @param intentConfidence confidence of {@code intent} in [0, 1]
 * @param topics           lower-case topic labels above the model's threshold ({@code error}, {@code pricing}, …)
 * @param spam             whether the text is spam
 * @param priority         whether a priority signal (privacy, legal, …) fired: never answered automatically
 * @param modelVersion     version of the models that decided
 */
public record ReviewAnalysis(
        String language,
        double sentiment,
        String intent,
        double intentConfidence,
        Set<String> topics,
        boolean spam,
        boolean priority,
        String modelVersion) {

    public ReviewAnalysis {
        topics = Set.copyOf(topics);
    }
}
