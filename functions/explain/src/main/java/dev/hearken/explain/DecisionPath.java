package dev.hearken.explain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.aws.UnderstandingAnalyzer;
import dev.hearken.review.config.ReviewSettings;
import dev.hearken.review.ingest.ReplyRule;
import dev.hearken.review.ingest.ReviewAnalysis;
import dev.hearken.review.ingest.ReviewReplyDecision;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.Facts;
import dev.hearken.ticket.domain.Flag;
import dev.hearken.ticket.domain.ReplyPolicy;
import dev.hearken.ticket.domain.Route;
import dev.hearken.ticket.domain.Router;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Reason;
import dev.hearken.understanding.Understanding;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hearken's decision path, offline: the ticket-classify worker's steps (understand → facts → route → reply policy)
 * and review-ingest's reply decision, with the very classes those functions run — no copy of their logic, no AWS,
 * no network. VIP needs the directory and the Zendesk organization, so it is never set here.
 */
public final class DecisionPath {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Understanding understanding;
    private final List<RoutingRule> rules;
    private final ReplyPolicy policy;
    private final List<ReplyRule> reviewRules;
    private final Router router = new Router();

    public DecisionPath(Understanding understanding, List<RoutingRule> rules, ReplyPolicy policy,
            List<ReplyRule> reviewRules) {
        this.understanding = understanding;
        this.rules = List.copyOf(rules);
        this.policy = policy;
        this.reviewRules = List.copyOf(reviewRules);
    }

    /** The shipped understanding, the given routing rules, and the functions' default settings and reply rules. */
    public static DecisionPath load(Path routingRules) {
        return new DecisionPath(Understanding.load(), routingRules(routingRules), defaultTicketPolicy(),
                defaultReviewRules());
    }

    /** Routing rules in the seed's format ({@code infra/seed/tables/routing-rules.json}). */
    public static List<RoutingRule> routingRules(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), new TypeReference<List<RoutingRule>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing rules " + file + ": " + e.getMessage(), e);
        }
    }

    /** The worker's reply policy with the defaults a deployed ticket-classify uses ({@link TicketSettings}). */
    static ReplyPolicy defaultTicketPolicy() {
        double threshold = Double.parseDouble(defaultOf(TicketSettings.class, "autoReplyThreshold"));
        Set<String> intents = Arrays.stream(defaultOf(TicketSettings.class, "autoReplyIntents").split(","))
                .map(String::strip).collect(Collectors.toSet());
        return new ReplyPolicy(threshold, intents);
    }

    /** review-ingest's shipped reply rules (the classpath resource its settings name by default). */
    static List<ReplyRule> defaultReviewRules() {
        String resource = defaultOf(ReviewSettings.class, "replyRules");
        try (InputStream in = ReviewSettings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JSON.readValue(in, new TypeReference<List<ReplyRule>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defaultOf(Class<?> settings, String method) {
        try {
            WithDefault d = settings.getMethod(method).getAnnotation(WithDefault.class);
            if (d == null) {
                throw new IllegalStateException(settings.getSimpleName() + "." + method + " has no default");
            }
            return d.value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(settings.getSimpleName() + " has no " + method, e);
        }
    }

    /** What Hearken would decide for one input. */
    public Explained explain(ExplainInput in) {
        return in.isReview() ? review(in) : ticket(in);
    }

    private Explained ticket(ExplainInput in) {
        Analysis a = understanding.analyze(Input.ticket(in.subject(), in.text(), in.locale()));
        Facts facts = Facts.of(a, in.zendeskChannel(), false);
        Route route = router.route(facts, rules);
        ReplyPolicy.Verdict verdict = policy.judge(facts, route);
        List<String> reasons = reasons(a);
        route.reasons().forEach(r -> reasons.add("routing:" + r));
        reasons.add("auto-reply:" + verdict.reason());
        List<String> flags = facts.flags().stream().map(Flag::label).sorted().toList();
        return new Explained(in.id(), a.language(), a.intent().label(), round(a.intentConfidence()), flags, a.spam(),
                route.groupId(), route.tags(), verdict.eligible(), verdict.reason(), reasons);
    }

    private Explained review(ExplainInput in) {
        Input input = Input.review(in.subject(), in.text(), in.rating(), null);
        if (in.locale() != null) {
            input = input.withLocaleHint(in.locale());
        }
        Analysis a = understanding.analyze(input);
        ReviewAnalysis analysis = UnderstandingAnalyzer.of(a);
        ReviewReplyDecision.Verdict verdict = ReviewReplyDecision.decide(reviewRules, in.rating() == null ? 0 : in.rating(),
                analysis, false, true, !in.text().isBlank());
        List<String> reasons = reasons(a);
        reasons.add("auto-reply:" + verdict.reason());
        return new Explained(in.id(), a.language(), a.intent().label(), round(a.intentConfidence()),
                List.copyOf(analysis.flags()), a.spam(), null, List.of(), verdict.eligible(), verdict.reason(), reasons);
    }

    private static List<String> reasons(Analysis a) {
        List<String> out = new ArrayList<>();
        for (Reason r : a.reasons()) {
            out.add(r.toString());
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
