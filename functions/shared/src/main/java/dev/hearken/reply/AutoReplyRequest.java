package dev.hearken.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to answer a user automatically: the body of a message on the {@code auto-reply} queue.
 * Producers (ticket-classify, review-ingest, the inbound-mail producer) send it only for items that
 * passed their eligibility rules — never for a priority item; the consumer (auto-reply) picks the
 * canned answer and posts it.
 *
 * <p>Wire format: this record serialised as a JSON object with exactly these property names, e.g.
 * <pre>{@code
 * {"version":1,"requestId":"zendesk:35501","source":"zendesk","itemId":"35501",
 *  "language":"en","locale":"en","intent":"subscription_billing","intentConfidence":0.91,
 *  "decidedAt":"2026-03-02T09:15:04Z","modelVersion":"v1"}
 * }</pre>
 * It carries no text the user wrote and no personal data: the consumer reads what it needs from the
 * source system, so the queue and its DLQ hold nothing sensitive.
 *
 * @param version          format version, {@value #VERSION}; a consumer rejects versions it does not know
 * @param requestId        idempotency key, {@code <source>:<itemId>}: at most one automatic reply per item ever,
 *                         so a consumer that sees a {@code requestId} again must do nothing
 * @param source           {@code zendesk}, {@code appstore}, {@code googleplay} or {@code email} (a message that
 *                         came by e-mail outside Zendesk)
 * @param itemId           the ticket id (Zendesk, decimal string), the store's review id (Google Play:
 *                         {@code <package>/<reviewId>}) or, for {@code email}, the {@link InboundMail#messageId()}
 *                         of the {@code inbound-mail} item that holds the address and headers
 * @param language         ISO 639-1 language the answer must be in ({@code es}); {@code und} is never sent
 * @param locale           the requester's locale when the source gives one ({@code pt-BR}), else {@code null};
 *                         the consumer's fallback chain starts there
 * @param intent           the intent label ({@code subscription_billing}, {@code how_to}, {@code dummy}, …) that
 *                         selects the canned answer
 * @param intentConfidence confidence of {@code intent} in [0, 1], already above the producer's threshold
 * @param decidedAt        ISO-8601 UTC instant of the decision
 * @param modelVersion     version of the understanding models that decided (for audits and experiments)
 */
public record AutoReplyRequest(
        int version,
        String requestId,
        String source,
        String itemId,
        String language,
        String locale,
        String intent,
        double intentConfidence,
        String decidedAt,
        String modelVersion) {

    /** The current format version. */
    public static final int VERSION = 1;

    public AutoReplyRequest {
        // Name every missing field at once: the DLQ reason of a malformed request then says all that is wrong.
        List<String> missing = new ArrayList<>();
        Map.of("requestId", Optional.ofNullable(requestId), "source", Optional.ofNullable(source),
                "itemId", Optional.ofNullable(itemId), "language", Optional.ofNullable(language),
                "intent", Optional.ofNullable(intent), "decidedAt", Optional.ofNullable(decidedAt))
                .forEach((field, value) -> {
                    if (value.isEmpty()) {
                        missing.add(field);
                    }
                });
        if (!missing.isEmpty()) {
            throw new NullPointerException("missing " + String.join(", ", missing.stream().sorted().toList()));
        }
        if (intentConfidence < 0 || intentConfidence > 1) {
            throw new IllegalArgumentException("intentConfidence must be in [0, 1]: " + intentConfidence);
        }
    }

    /** A request of the current version whose {@code requestId} is {@code source:itemId}. */
    public static AutoReplyRequest of(String source, String itemId, String language, String locale, String intent,
            double intentConfidence, String decidedAt, String modelVersion) {
        return new AutoReplyRequest(VERSION, source + ":" + itemId, source, itemId, language, locale, intent,
                intentConfidence, decidedAt, modelVersion);
    }
}
