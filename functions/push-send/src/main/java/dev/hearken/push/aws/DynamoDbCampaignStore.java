package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.number;
import static dev.hearken.push.aws.Items.s;
import static dev.hearken.push.aws.Items.string;

import dev.hearken.push.domain.Campaign;
import dev.hearken.push.domain.CampaignStatus;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.CampaignRuns;
import dev.hearken.push.port.CampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Campaigns ({@code push-campaigns}: {@code campaignId}, {@code program}, {@code priority},
 * {@code template}, {@code data} map, {@code segmentId} or {@code userIds} list, {@code notBefore}, and from the
 * operator API {@code status}, {@code runId}, {@code scheduledAt} and its bookkeeping, which this ignores),
 * segments ({@code push-segments}: {@code segmentId} partition, {@code userId} sort — queried a page at a
 * time, the cursor being the last user id of the page; the item with the reserved sort key
 * {@value #SEGMENT_DEFINITION} is the segment's definition, not a member, and is skipped) and run progress (an item
 * {@code campaign-run:<campaign>:<run>} in the idempotency ledger {@code push-sends}: {@code status},
 * {@code cursor}, {@code enqueued}, {@code hop} — hand-overs so far, moved with a conditional update).
 */
public final class DynamoDbCampaignStore implements CampaignStore, CampaignRuns {

    /**
     * The sort key of a segment's definition item in {@code push-segments} (written by the operator API). A user id
     * never takes it: {@code #} is not a character of identifiers, and it sorts before every one of them, so it is
     * always the first item of its partition.
     */
    public static final String SEGMENT_DEFINITION = "#segment";

    private final DynamoDbClient dynamo;
    private final String campaigns;
    private final String segments;
    private final String ledger;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbCampaignStore(DynamoDbClient dynamo, String campaigns, String segments, String ledger,
            Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.campaigns = campaigns;
        this.segments = segments;
        this.ledger = ledger;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(campaigns)
                .key(Map.of("campaignId", s(campaignId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        AttributeValue d = item.get("data");
        if (d != null && d.hasM()) {
            d.m().forEach((k, v) -> data.put(k, v.s()));
        }
        List<String> userIds = new ArrayList<>();
        AttributeValue u = item.get("userIds");
        if (u != null && u.hasL()) {
            u.l().forEach(v -> userIds.add(v.s()));
        }
        String notBefore = string(item, "notBefore");
        return Optional.of(new Campaign(campaignId, string(item, "program"), Priority.parse(string(item, "priority")),
                string(item, "template"), data, string(item, "segmentId"), userIds,
                notBefore == null ? null : Instant.parse(notBefore), CampaignStatus.parse(string(item, "status"))));
    }

    @Override
    public Page segmentPage(String segmentId, String cursor, int limit) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(segments)
                    .keyConditionExpression("segmentId = :s")
                    .expressionAttributeValues(Map.of(":s", s(segmentId)))
                    .projectionExpression("userId")
                    .limit(limit);
            if (cursor != null) {
                b.exclusiveStartKey(Map.of("segmentId", s(segmentId), "userId", s(cursor)));
            }
        });
        List<String> ids = response.items().stream().map(i -> string(i, "userId"))
                .filter(id -> !SEGMENT_DEFINITION.equals(id)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? string(response.lastEvaluatedKey(), "userId") : null;
        return new Page(ids, next);
    }

    @Override
    public RunState startRun(String campaignId, String runId) {
        Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(ledger)
                .key(runKey(campaignId, runId))
                .updateExpression("SET #s = if_not_exists(#s, :open), expiresAt = if_not_exists(expiresAt, :exp)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":open", s("open"),
                        ":exp", n(clock.instant().plus(retention).getEpochSecond())))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
        return new RunState("done".equals(string(item, "status")), string(item, "cursor"), number(item, "enqueued", 0),
                number(item, "hop", 0));
    }

    @Override
    public Optional<RunState> findRun(String campaignId, String runId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(ledger).key(runKey(campaignId, runId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunState("done".equals(string(item, "status")), string(item, "cursor"),
                number(item, "enqueued", 0), number(item, "hop", 0)));
    }

    @Override
    public boolean advance(String campaignId, String runId, long from) {
        try {
            dynamo.updateItem(b -> b.tableName(ledger).key(runKey(campaignId, runId))
                    .updateExpression("SET hop = :next")
                    .conditionExpression(from == 0 ? "attribute_not_exists(hop) OR hop = :from" : "hop = :from")
                    .expressionAttributeValues(Map.of(":from", n(from), ":next", n(from + 1))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public void revert(String campaignId, String runId, long from) {
        try {
            dynamo.updateItem(b -> b.tableName(ledger).key(runKey(campaignId, runId))
                    .updateExpression("SET hop = :from")
                    .conditionExpression("hop = :next")
                    .expressionAttributeValues(Map.of(":from", n(from), ":next", n(from + 1))));
        } catch (ConditionalCheckFailedException moved) {
            // Another invocation moved the run on meanwhile: its hop is the one that counts.
        }
    }

    @Override
    public void saveProgress(String campaignId, String runId, String cursor, long enqueued, boolean done) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":s", s(done ? "done" : "open"));
        values.put(":e", n(enqueued));
        String update = "SET #s = :s, enqueued = :e";
        if (cursor != null) {
            values.put(":c", s(cursor));
            update += ", #c = :c";
        } else {
            update += " REMOVE #c";
        }
        String expression = update;
        dynamo.updateItem(b -> b.tableName(ledger).key(runKey(campaignId, runId))
                .updateExpression(expression)
                .expressionAttributeNames(Map.of("#s", "status", "#c", "cursor"))
                .expressionAttributeValues(values));
    }

    private static Map<String, AttributeValue> runKey(String campaignId, String runId) {
        return Map.of("idempotencyKey", s("campaign-run:" + campaignId + ":" + runId));
    }
}
