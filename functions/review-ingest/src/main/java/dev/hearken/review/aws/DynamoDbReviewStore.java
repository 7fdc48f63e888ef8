package dev.hearken.review.aws;

import dev.hearken.review.ingest.ReviewAnalysis;
import dev.hearken.review.ingest.ReviewStore;
import dev.hearken.review.model.Review;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ReviewStore} on the {@code reviews} table: one item per version, partition {@code reviewKey}, sort
 * {@code version} = the content hash. The version is written with {@code attribute_not_exists}, so two
 * deliveries of the same content race safely: exactly one creates it. {@code state} goes from {@code stored}
 * to {@code done} when processing finished.
 */
public final class DynamoDbReviewStore implements ReviewStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReviewStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Stored store(Review r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("reviewKey", s(r.key()));
        item.put("version", s(r.contentHash()));
        item.put("store", s(r.store().code()));
        item.put("appId", s(r.appId()));
        item.put("reviewId", s(r.reviewId()));
        item.put("source", s(r.source().code()));
        item.put("rating", AttributeValue.fromN(Integer.toString(r.rating())));
        put(item, "title", r.title());
        put(item, "body", r.body());
        put(item, "reviewerLanguage", r.language());
        put(item, "territory", r.territory());
        put(item, "appVersion", r.appVersion());
        put(item, "device", r.device());
        put(item, "author", r.author());
        item.put("createdAt", s(r.createdAt().toString()));
        put(item, "editedAt", r.editedAt() == null ? null : r.editedAt().toString());
        item.put("contentTime", s(r.contentTime().toString()));
        item.put("developerReplied", AttributeValue.fromBool(r.developerReplied()));
        item.put("storedAt", s(Instant.now().toString()));
        item.put("state", s("stored"));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(reviewKey)"));
        } catch (ConditionalCheckFailedException exists) {
            Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("reviewKey", s(r.key()), "version", s(r.contentHash())))).item();
            boolean done = existing != null && "done".equals(Optional.ofNullable(existing.get("state"))
                    .map(AttributeValue::s).orElse(null));
            return done ? new Stored(Outcome.DUPLICATE, null, false) : earlier(r, Outcome.UNFINISHED);
        }
        return earlier(r, null);
    }

    /** Finds the latest earlier version (by content time) to tell a first version from an edit. */
    private Stored earlier(Review r, Outcome given) {
        List<Map<String, AttributeValue>> versions = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("reviewKey = :k")
                .expressionAttributeValues(Map.of(":k", s(r.key())))
                .projectionExpression("version, rating, contentTime")).items();
        Map<String, AttributeValue> previous = null;
        for (Map<String, AttributeValue> v : versions) {
            if (v.get("version").s().equals(r.contentHash())) {
                continue;
            }
            if (previous == null || v.get("contentTime").s().compareTo(previous.get("contentTime").s()) > 0) {
                previous = v;
            }
        }
        Integer previousRating = previous == null ? null : Integer.valueOf(previous.get("rating").n());
        Outcome outcome = given != null ? given : previous == null ? Outcome.NEW : Outcome.EDITED;
        return new Stored(outcome, previousRating, previous == null);
    }

    @Override
    public void complete(Review r, ReviewAnalysis a, Decision d) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":done", s("done"));
        values.put(":lang", s(a.language()));
        values.put(":sent", AttributeValue.fromN(Double.toString(a.sentiment())));
        values.put(":intent", s(a.intent()));
        values.put(":conf", AttributeValue.fromN(Double.toString(a.intentConfidence())));
        values.put(":topics", AttributeValue.fromL(a.topics().stream().sorted().map(DynamoDbReviewStore::s).toList()));
        values.put(":spam", AttributeValue.fromBool(a.spam()));
        values.put(":prio", AttributeValue.fromBool(a.priority()));
        values.put(":flags", AttributeValue.fromL(a.flags().stream().sorted().map(DynamoDbReviewStore::s).toList()));
        values.put(":model", s(a.modelVersion() == null ? "unknown" : a.modelVersion()));
        values.put(":eligible", AttributeValue.fromBool(d.replyEligible()));
        values.put(":why", s(d.replyReason()));
        values.put(":rule", d.replyRule() == null ? AttributeValue.fromNul(true) : s(d.replyRule()));
        values.put(":answer", d.replyAnswer() == null ? AttributeValue.fromNul(true) : s(d.replyAnswer()));
        values.put(":escalated", AttributeValue.fromL(d.escalated().stream().map(DynamoDbReviewStore::s).toList()));
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("reviewKey", s(r.key()), "version", s(r.contentHash())))
                .updateExpression("SET #state = :done, #lang = :lang, sentiment = :sent, intent = :intent, "
                        + "intentConfidence = :conf, topics = :topics, spam = :spam, priority = :prio, flags = :flags, "
                        + "modelVersion = :model, replyEligible = :eligible, replyReason = :why, replyRule = :rule, "
                        + "replyAnswer = :answer, escalated = :escalated")
                .expressionAttributeNames(Map.of("#state", "state", "#lang", "language"))
                .expressionAttributeValues(values));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
