package dev.hearken.aws.experiment;

import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB number attributes from doubles, in plain notation (DynamoDB stores decimals exactly). */
public final class DynamoNumbers {

    private DynamoNumbers() {}

    public static AttributeValue n(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static double d(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
    }

    public static long l(AttributeValue value) {
        return value == null || value.n() == null ? 0 : new BigDecimal(value.n()).longValue();
    }
}
