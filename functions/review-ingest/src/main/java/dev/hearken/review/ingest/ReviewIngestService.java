package dev.hearken.review.ingest;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.Store;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.parse.ReviewParsers;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingests one review message: normalise, store the version idempotently, analyse, count bug impact, hand a
 * privacy or legal review to a person, offer a reply. Every step after the store is itself idempotent, so a
 * version whose processing was interrupted is finished on re-delivery, and a fully processed one is left alone.
 *
 * <p>A version with a privacy or legal flag is escalated: a {@link ReviewEscalation} goes to ticket-classify
 * (which opens one Zendesk ticket per review, found again by its {@code external_id}, so a repeat is harmless)
 * and the review is counted once in the app's escalations of the day. Every version is checked, not only the
 * first, so an edit that turns into a GDPR request still reaches a person; spam, an earlier developer reply or
 * an AppFollow text message do not stop an escalation — nothing a user wrote is dropped.
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
    private final EscalationQueue escalations;
    private final EscalationCounter escalationCounter;
    private final ReviewLinks links;
    private final Clock clock;

    public ReviewIngestService(ReviewParsers parsers, ReviewStore store, ReviewAnalyzer analyzer, ImpactCounter impact,
            ReplyQueue replies, List<ReplyRule> rules, EscalationQueue escalations, EscalationCounter escalationCounter,
            ReviewLinks links, Clock clock) {
        this.parsers = parsers;
        this.store = store;
        this.analyzer = analyzer;
        this.impact = impact;
        this.replies = replies;
        this.rules = List.copyOf(rules);
        this.escalations = escalations;
        this.escalationCounter = escalationCounter;
        this.links = links;
        this.clock = clock;
    }

    /**
     * @param message the provider's review and its store app id (which may be {@code null} for AppFollow)
     * @throws dev.hearken.review.parse.InvalidReviewException when the message cannot be normalised
     */
    public IngestResult ingest(ReviewMessage message) {
        ProviderReview review = message.review();
        Review r = parsers.parse(message.appId(), review, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        ReviewStore.Stored stored = store.store(r);
        if (stored.outcome() == ReviewStore.Outcome.DUPLICATE) {
            return new IngestResult(r.key(), stored.outcome(), null, List.of(), null, List.of(), 0);
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
        Set<String> flags = escalationFlags(analysis);
        long escalationsThatDay = 0;
        if (!flags.isEmpty()) {
            // The person first, the number second: a crash in between re-sends on re-delivery, and the
            // consumer finds the ticket it already opened.
            escalations.send(ReviewEscalation.of(r.store().code(), r.source().code(), r.appId(), r.reviewId(), flags,
                    r.rating(), r.title(), r.body(), analysis.language(), r.territory(), r.appVersion(), r.author(),
                    r.contentTime().toString(), links.of(r, review), analysis.intent(),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), analysis.modelVersion()));
            escalationsThatDay = escalationCounter.count(r.appId(), r.day(), r.key(), flags);
        }
        // The decision refuses every priority review, so an escalated one is never a reply candidate.
        ReviewReplyDecision.Verdict verdict = replyVerdict(r, analysis, stored.firstVersion());
        ReplyRule rule = verdict.rule();
        if (rule != null) {
            replies.send(AutoReplyRequest.of(r.store().code(), replyItemId(r), analysis.language(), r.language(),
                    rule.answer(), analysis.intentConfidence(), clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                    analysis.modelVersion()));
        }
        store.complete(r, analysis, new ReviewStore.Decision(verdict.eligible(), verdict.reason(),
                rule == null ? null : rule.name(), rule == null ? null : rule.answer(), List.copyOf(flags)));
        return new IngestResult(r.key(), stored.outcome(), stored.previousRating(), counted,
                rule == null ? null : rule.name(), List.copyOf(flags), escalationsThatDay);
    }

    /** The flags of {@code a} that take a review to a person ({@link ReviewEscalation#FLAGS}), sorted. */
    static Set<String> escalationFlags(ReviewAnalysis a) {
        Set<String> flags = new TreeSet<>(a.flags());
        flags.retainAll(ReviewEscalation.FLAGS);
        return flags;
    }

    private ReviewReplyDecision.Verdict replyVerdict(Review r, ReviewAnalysis a, boolean firstVersion) {
        if (!firstVersion) {
            return new ReviewReplyDecision.Verdict(false, "an edit: only a review's first version is offered a reply",
                    null);
        }
        // AppFollow's text messages ("af-" ids) have no store review to answer to.
        ReviewReplyDecision.Verdict verdict = ReviewReplyDecision.decide(rules, r.rating(), a, r.developerReplied(),
                !r.reviewId().startsWith("af-"), r.hasText());
        if (verdict.eligible() && !parsers.configuredApp(r.store(), r.appId())
                .map(app -> app.answersIn(a.language())).orElse(true)) {
            return new ReviewReplyDecision.Verdict(false, "language " + a.language()
                    + " is not among the app's reply languages", null);
        }
        return verdict;
    }

    /**
     * The {@link AutoReplyRequest#itemId()} of a review: the App Store review id, or for Google Play
     * {@code <packageName>/<reviewId>} — Play's reply call needs the package, and the request has no app field.
     */
    static String replyItemId(Review r) {
        return r.store() == Store.GOOGLE_PLAY ? r.appId() + "/" + r.reviewId() : r.reviewId();
    }
}
