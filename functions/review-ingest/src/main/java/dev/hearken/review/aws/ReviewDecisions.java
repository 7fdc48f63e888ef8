package dev.hearken.review.aws;

import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /admin/reviews/{store}/{appId}/{reviewId}/decisions}: what the worker decided about each version of one
 * review, oldest first, as {@link DynamoDbReviewStore} stored it — language, spam, intent, topics, sentiment, flags,
 * the escalation, the reply decision and why, and the model version. What the reviewer wrote (title, text, author
 * pseudonym) is left out: the decision is explained by the analysis, and the lookup should not copy personal data to
 * another screen. A store or app id of the wrong shape is a 400 naming it; a review never ingested a 404.
 */
public final class ReviewDecisions {

    /** The route this serves. */
    public static final String ROUTE = "GET /admin/reviews/{store}/{appId}/{reviewId}/decisions";

    /** The answer. */
    public record View(String reviewKey, String store, String appId, String reviewId, List<VersionView> versions) {}

    /** One version and what was decided about it ({@code state} {@code stored}: its processing has not finished). */
    public record VersionView(String version, String contentTime, int rating, String source, String state,
            String reviewerLanguage, String language, Boolean spam, String intent, BigDecimal intentConfidence,
            List<String> topics, BigDecimal sentiment, Boolean priority, List<String> flags, List<String> escalated,
            ReplyView reply, String modelVersion, String storedAt) {}

    /**
     * The reply decision; {@code null} on versions stored before it was recorded.
     *
     * @param eligible whether a reply candidate went to auto-reply
     * @param reason   why, in words
     * @param rule     the reply rule that matched, or {@code null}
     * @param answer   the answer key auto-reply got, or {@code null}
     */
    public record ReplyView(boolean eligible, String reason, String rule, String answer) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public ReviewDecisions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Answers one lookup. */
    public Reply serve(Request request) {
        // API Gateway has checked the caller already; refusing a request without one here too keeps an unsigned call
        // (the local gateway passes those on) from reading what was decided about a user's review.
        AdminRequests.author(request);
        Store store = request.path("store", Store::fromCode, "appstore or googleplay");
        String appId = request.pathId("appId");
        try {
            ReviewApp.checkAppId(store, appId);
        } catch (ReviewApp.Invalid e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
        String reviewId = request.pathId("reviewId");
        String reviewKey = store.code() + "#" + appId + "#" + reviewId;
        List<VersionView> versions = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("reviewKey = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(reviewKey)))).items()) {
            versions.add(version(item));
        }
        if (versions.isEmpty()) {
            throw AdminRefusal.notFound("review", reviewKey);
        }
        versions.sort(Comparator.comparing(VersionView::contentTime));
        return Reply.ok(new View(reviewKey, store.code(), appId, reviewId, versions));
    }

    private static VersionView version(Map<String, AttributeValue> item) {
        ReplyView reply = item.containsKey("replyEligible")
                ? new ReplyView(item.get("replyEligible").bool(), s(item, "replyReason"), s(item, "replyRule"),
                        s(item, "replyAnswer"))
                : null;
        return new VersionView(s(item, "version"), s(item, "contentTime"), Integer.parseInt(item.get("rating").n()),
                s(item, "source"), s(item, "state"), s(item, "reviewerLanguage"), s(item, "language"),
                bool(item, "spam"), s(item, "intent"), n(item, "intentConfidence"), strings(item, "topics"),
                n(item, "sentiment"), bool(item, "priority"), strings(item, "flags"), strings(item, "escalated"),
                reply, s(item, "modelVersion"), s(item, "storedAt"));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s).orElse(null);
    }

    private static Boolean bool(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::bool).orElse(null);
    }

    private static BigDecimal n(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::n).map(BigDecimal::new).orElse(null);
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? null : value.l().stream().map(AttributeValue::s).toList();
    }
}
