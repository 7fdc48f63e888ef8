package dev.hearken.review.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the understanding library decided about one review version, in the terms this context acts on.
 *
 * @param language         detected ISO 639-1 language ({@code und} when undetermined)
 * @param sentiment        in [-1, 1], from the words and the stars
 * @param intent           intent label ({@code bug}, {@code praise}, {@code subscription_billing}, …)
 * @param intentConfidence confidence of {@code intent} in [0, 1]
 * @param topics           lower-case topic labels above the model's threshold ({@code error}, {@code pricing}, …)
 * @param spam             whether the text is spam
 * @param priority         whether a priority signal (privacy, legal, …) fired: never answered automatically; always
 *                         {@code true} when {@code flags} is not empty
 * @param modelVersion     version of the models that decided
 * @param flags            which priority flags fired, lower-case: {@code privacy}, {@code legal}, {@code payment} —
 *                         from the priority signals or the privacy/legal intent (ticket-classify reads them the same
 *                         way); {@code privacy} and {@code legal} escalate the review to a person
 */
public record ReviewAnalysis(
        String language,
        double sentiment,
        String intent,
        double intentConfidence,
        Set<String> topics,
        boolean spam,
        boolean priority,
        String modelVersion,
        Set<String> flags) {

    public ReviewAnalysis {
        topics = Set.copyOf(topics);
        flags = flags == null ? Set.of()
                : flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        priority = priority || !flags.isEmpty();
    }

    /** An analysis without named flags ({@code priority} alone says whether anything fired). */
    public ReviewAnalysis(String language, double sentiment, String intent, double intentConfidence, Set<String> topics,
            boolean spam, boolean priority, String modelVersion) {
        this(language, sentiment, intent, intentConfidence, topics, spam, priority, modelVersion, Set.of());
    }
}
