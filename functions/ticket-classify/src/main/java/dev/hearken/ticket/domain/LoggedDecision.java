package dev.hearken.ticket.domain;

import java.time.Instant;
import java.util.List;

/**
 * One {@link Decision} as the decision log holds it, read back for the operator's lookup: what the worker
 * understood, which rule routed the ticket, every reason and score, and how far the delivery got. Scores are
 * {@code null} where an older entry did not record them.
 *
 * @param eventKey           the delivery it answers
 * @param stage              how far its processing got ({@link DecisionLog.Stage}: {@code DECIDED}, {@code UPDATED}, {@code DONE})
 * @param decidedAt          when the worker decided
 * @param stageAt            when the stage was last advanced, or {@code null}
 * @param ticketVersion      the ticket's {@code updated_at} the worker read
 * @param language           ISO 639-1, or {@code null} (a comment the worker did not analyse)
 * @param languageConfidence confidence of the language in [0, 1]
 * @param intent             intent label
 * @param intentConfidence   confidence of the intent in [0, 1]
 * @param intentDetail       the detail model's fine-grained intent, or {@code null}
 * @param spamScore          spam probability in [0, 1]
 * @param sentiment          in [-1, 1]
 * @param flags              priority flags, sorted
 * @param ruleId             the routing rule that decided, or {@code null}
 * @param groupId            the group assigned, or {@code null}
 * @param tags               the tags added
 * @param priority           the priority raised to, or {@code null}
 * @param spam               handled as spam
 * @param autoReply          handed to auto-reply
 * @param replyReason        why (or why not)
 * @param reasons            understanding reasons (rules and model scores), routing and auto-reply reasons, in order
 * @param modelVersion       version of the understanding models, or {@code null}
 */
public record LoggedDecision(String eventKey, String stage, Instant decidedAt, Instant stageAt, String ticketVersion,
        String language, Double languageConfidence, String intent, Double intentConfidence, String intentDetail,
        Double spamScore, Double sentiment, List<String> flags, String ruleId, Long groupId, List<String> tags,
        String priority, boolean spam, boolean autoReply, String replyReason, List<String> reasons,
        String modelVersion) {

    public LoggedDecision {
        flags = List.copyOf(flags);
        tags = List.copyOf(tags);
        reasons = List.copyOf(reasons);
    }
}
