package dev.hearken.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One app-store review that a person must see: the body of a message on the {@code review-escalations} queue.
 * review-ingest sends it for every review version with a privacy or legal signal (such a review is never
 * answered automatically); ticket-classify's {@code review-escalate} function turns it into one Zendesk ticket
 * for the team of the flag, idempotently by {@link #escalationId()}.
 *
 * <p>Unlike {@code AutoReplyRequest}, it carries what the user wrote: the consumer has no store credentials to
 * read the review back, and the ticket must show it. Store reviews are public on the store; the queue and its
 * DLQ are encrypted; {@link #toString()} leaves the text and the author out so it can be logged.
 *
 * <p>Wire format: this record as a JSON object with exactly these property names, e.g.
 * <pre>{@code
 * {"version":1,"escalationId":"review:appstore:00000047-…","store":"appstore","source":"appstore",
 *  "appId":"1234567890","reviewId":"00000047-…","flags":["privacy"],"rating":1,"title":"…","body":"…",
 *  "language":"en","territory":"USA","appVersion":null,"author":"3f9c…","reviewedAt":"2026-03-02T08:41:17Z",
 *  "reviewUrl":"https://…","intent":"privacy_request","decidedAt":"2026-03-02T10:00:00Z","modelVersion":"v1"}
 * }</pre>
 *
 * @param version      format version, {@value #VERSION}; a consumer rejects versions it does not know
 * @param escalationId {@code review:<store>:<reviewId>} ({@link #idOf}): the idempotency key, and the Zendesk
 *                     ticket's {@code external_id}, so one review gets one ticket whatever its versions and
 *                     re-deliveries
 * @param store        the store the review was written in: {@code appstore} or {@code googleplay}
 * @param source       how it reached Hearken: {@code appstore}, {@code googleplay} or {@code appfollow}
 * @param appId        the store app id (Apple ID or Play package)
 * @param reviewId     the store's review id (AppFollow text messages: {@code af-…}, derived from the permalink)
 * @param flags        why: {@code privacy} and/or {@code legal} (sorted, never empty)
 * @param rating       stars, 1–5
 * @param title        the review's title, or {@code null}
 * @param body         the review's text, or {@code null}
 * @param language     the detected ISO 639-1 language ({@code und} when undetermined)
 * @param territory    the store territory as the source gives it, or {@code null}
 * @param appVersion   the app version reviewed, or {@code null}
 * @param author       the reviewer's pseudonym (HMAC of store and name), never the name; or {@code null}
 * @param reviewedAt   ISO-8601 UTC instant the version's content was written
 * @param reviewUrl    where a person can open the review (AppFollow permalink, store console page), or {@code null}
 * @param intent       the detected intent label ({@code privacy_request}, {@code legal}, {@code bug}, …)
 * @param decidedAt    ISO-8601 UTC instant of the decision
 * @param modelVersion version of the understanding models that decided
 */
public record ReviewEscalation(
        int version,
        String escalationId,
        String store,
        String source,
        String appId,
        String reviewId,
        List<String> flags,
        int rating,
        String title,
        String body,
        String language,
        String territory,
        String appVersion,
        String author,
        String reviewedAt,
        String reviewUrl,
        String intent,
        String decidedAt,
        String modelVersion) {

    /** The current format version. */
    public static final int VERSION = 1;
    /** The flags that escalate a review to a person. */
    public static final Set<String> FLAGS = Set.of("privacy", "legal");
    private static final Set<String> STORES = Set.of("appstore", "googleplay");
    private static final Set<String> SOURCES = Set.of("appstore", "googleplay", "appfollow");

    public ReviewEscalation {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown escalation version " + version);
        }
        if (!STORES.contains(store)) {
            throw new IllegalArgumentException("unknown store '" + store + "'");
        }
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "'");
        }
        if (appId.isBlank() || reviewId.isBlank()) {
            throw new IllegalArgumentException("appId and reviewId must not be blank");
        }
        if (!idOf(store, reviewId).equals(escalationId)) {
            throw new IllegalArgumentException("escalationId must be " + idOf(store, "<reviewId>"));
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String f : flags) {
            String flag = f == null ? null : f.toLowerCase(Locale.ROOT);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("flag '" + f + "' does not escalate; expected one of " + new TreeSet<>(FLAGS));
            }
            sorted.add(flag);
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an escalation needs at least one flag");
        }
        flags = List.copyOf(sorted);
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5: " + rating);
        }
        if (reviewUrl != null && !(reviewUrl.startsWith("https://") || reviewUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("reviewUrl must be an http(s) URL");
        }
    }

    /** {@code review:<store>:<reviewId>}, the escalation id and Zendesk {@code external_id} of a review. */
    public static String idOf(String store, String reviewId) {
        return "review:" + store + ":" + reviewId;
    }

    /** An escalation of the current version whose id is {@link #idOf idOf(store, reviewId)}. */
    public static ReviewEscalation of(String store, String source, String appId, String reviewId, Set<String> flags,
            int rating, String title, String body, String language, String territory, String appVersion, String author,
            String reviewedAt, String reviewUrl, String intent, String decidedAt, String modelVersion) {
        return new ReviewEscalation(VERSION, idOf(store, reviewId), store, source, appId, reviewId, List.copyOf(flags),
                rating, title, body, language, territory, appVersion, author, reviewedAt, reviewUrl, intent, decidedAt,
                modelVersion);
    }

    /** Without the title, the text and the author: safe to log. */
    @Override
    public String toString() {
        return "ReviewEscalation[" + escalationId + ", app=" + appId + ", source=" + source + ", flags=" + flags
                + ", rating=" + rating + ", language=" + language + "]";
    }
}
