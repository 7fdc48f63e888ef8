package dev.hearken.push.admin;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether what a campaign names exists: a template (any locale of it in {@code push-templates}) and a segment
 * (its definition or any member in {@code push-segments}). One query of at most one item each, consistent, so
 * that an operator who just created the template can create the campaign.
 */
public final class CatalogueLookups {

    private final DynamoDbClient dynamo;
    private final String templates;
    private final String segments;

    public CatalogueLookups(DynamoDbClient dynamo, String templates, String segments) {
        this.dynamo = dynamo;
        this.templates = templates;
        this.segments = segments;
    }

    /** Whether {@code templateId} has copy in at least one locale. */
    public boolean templateExists(String templateId) {
        return any(templates, "templateId", templateId);
    }

    /** Whether {@code segmentId} has a definition or a member. */
    public boolean segmentExists(String segmentId) {
        return any(segments, "segmentId", segmentId);
    }

    private boolean any(String table, String partition, String value) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true).limit(1)
                .keyConditionExpression("#p = :v")
                .expressionAttributeNames(Map.of("#p", partition))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))).count() > 0;
    }
}
