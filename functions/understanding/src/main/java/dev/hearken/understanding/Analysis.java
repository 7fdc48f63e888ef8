package dev.hearken.understanding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision about one text, with its reasons.
 *
 * @param language         ISO 639-1 code ({@code und} when undetermined); Chinese is {@code zh}
 * @param script           ISO 15924 script where it matters ({@code Hans}/{@code Hant} for Chinese), else {@code null}
 * @param languageConfidence confidence of the language in [0, 1]
 * @param spam             whether the text is spam, auto-generated mail or empty
 * @param spamScore        spam probability in [0, 1]
 * @param intent           what the user wants
 * @param intentConfidence confidence of {@code intent} in [0, 1]; callers should require a threshold before acting
 * @param intentDetail     the fine-grained intent of the detail model (a banking77-style label such as
 *                         {@code request_refund}), or {@code null}
 * @param sentiment        in [-1, 1]
 * @param priority         priority signals found (rules, high recall)
 * @param topics           review topics with their scores, only those above the decision threshold
 * @param reasons          rules fired, model scores, model version, input clean-up steps
 * @param modelVersion     version of the model bundle that decided
 * @param truncated        whether the input was cut to the size limit before analysis
 */
public record Analysis(
        String language,
        String script,
        double languageConfidence,
        boolean spam,
        double spamScore,
        Intent intent,
        double intentConfidence,
        String intentDetail,
        double sentiment,
        Set<PrioritySignal> priority,
        Map<Topic, Double> topics,
        List<Reason> reasons,
        String modelVersion,
        boolean truncated) {

    public Analysis {
        priority = Set.copyOf(priority);
        topics = Map.copyOf(topics);
        reasons = List.copyOf(reasons);
    }

    /** Whether any priority signal fired: such texts must never be answered automatically. */
    public boolean isPriority() {
        return !priority.isEmpty();
    }

    /** Whether the intent was decided with at least the given confidence. */
    public boolean intentAtLeast(double threshold) {
        return intentConfidence >= threshold;
    }
}
