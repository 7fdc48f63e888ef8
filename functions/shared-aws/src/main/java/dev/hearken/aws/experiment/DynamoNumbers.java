package dev.hearken.aws.experiment;

import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB number attributes from doubles, in plain notation (DynamoDB stores decimals exactly). */
final class DynamoNumbers {

    private DynamoNumbers() {}

    static AttributeValue n(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static double d(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
    }

    static long l(AttributeValue value) {
        return value == null || value.n() == null ? 0 : new BigDecimal(value.n()).longValue();
    }
}
