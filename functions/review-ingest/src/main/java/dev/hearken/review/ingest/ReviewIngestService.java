package dev.hearken.review.ingest;

import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.Store;
import dev.hearken.review.parse.ReviewParsers;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingests one review message: normalise, store the version idempotently, analyse, count bug impact, offer a
 * reply. Every step after the store is itself idempotent, so a version whose processing was interrupted is
 * finished on re-delivery, and a fully processed one is left alone.
 *
 * <p>Reply candidates are sent only for a review's first version, never when the developer already replied,
 * never for spam or priority reviews, and only for reviews with a store id (AppFollow's text messages have
 * none to answer to). A crash between sending the candidate and completing may send it twice; auto-reply's
 * {@code requestId} rule (one reply per item, ever) makes that harmless.
 */
public final class ReviewIngestService {

    /** Bucket for reviews whose source gives no app version (App Store Connect never does). */
    public static final String UNKNOWN_VERSION = "unknown";
    /** Topics not worth counting as impact. */
    private static final String NO_TOPIC = "other";

    private final ReviewParsers parsers;
    private final ReviewStore store;
    private final ReviewAnalyzer analyzer;
    private final ImpactCounter impact;
    private final ReplyQueue replies;
    private final List<ReplyRule> rules;
    private final Clock clock;

    public ReviewIngestService(ReviewParsers parsers, ReviewStore store, ReviewAnalyzer analyzer, ImpactCounter impact,
            ReplyQueue replies, List<ReplyRule> rules, Clock clock) {
        this.parsers = parsers;
        this.store = store;
        this.analyzer = analyzer;
        this.impact = impact;
        this.replies = replies;
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    /**
     * @param source {@code appstore}, {@code googleplay} or {@code appfollow}
     * @param appId  the store app id (may be {@code null} for AppFollow)
     * @param review the provider's review object
     * @throws dev.hearken.review.parse.InvalidReviewException when the message cannot be normalised
     */
    public IngestResult ingest(String source, String appId, Map<String, Object> review) {
        Review r = parsers.parse(source, appId, review, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        ReviewStore.Stored stored = store.store(r);
        if (stored.outcome() == ReviewStore.Outcome.DUPLICATE) {
            return new IngestResult(r.key(), stored.outcome(), null, List.of(), null);
        }
        ReviewAnalysis analysis = analyzer.analyze(r);
        List<String> counted = new ArrayList<>();
        String version = r.appVersion() == null ? UNKNOWN_VERSION : r.appVersion();
        // A review without an author is one reviewer of its own.
        String reviewer = r.author() != null ? r.author() : "review:" + r.key();
        for (String topic : analysis.topics().stream().sorted().toList()) {
            if (!topic.equals(NO_TOPIC) && impact.count(r.appId(), topic, version, r.day(), reviewer)) {
                counted.add(topic);
            }
        }
        ReplyRule rule = stored.firstVersion() ? replyRule(r, analysis) : null;
        if (rule != null) {
            replies.send(AutoReplyRequest.of(r.store().code(), replyItemId(r), analysis.language(), r.language(),
                    rule.answer(), analysis.intentConfidence(), clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                    analysis.modelVersion()));
        }
        store.complete(r, analysis);
        return new IngestResult(r.key(), stored.outcome(), stored.previousRating(), counted,
                rule == null ? null : rule.name());
    }

    private ReplyRule replyRule(Review r, ReviewAnalysis a) {
        if (r.developerReplied() || a.spam() || a.priority() || r.reviewId().startsWith("af-")
                || "und".equals(a.language()) || !r.hasText()) {
            return null;
        }
        return ReplyRule.first(rules, r.rating(), a);
    }

    /**
     * The {@link AutoReplyRequest#itemId()} of a review: the App Store review id, or for Google Play
     * {@code <packageName>/<reviewId>} — Play's reply call needs the package, and the request has no app field.
     */
    static String replyItemId(Review r) {
        return r.store() == Store.GOOGLE_PLAY ? r.appId() + "/" + r.reviewId() : r.reviewId();
    }
}
