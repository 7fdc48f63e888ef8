package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.s;

import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.MailPreferences;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * E-mail opt-outs and address status on {@code push-users} items (shape: {@link DynamoDbUserDirectory}),
 * each a single conditional {@code UpdateItem} — the only DynamoDB action the unsubscribe and feedback
 * functions are granted, so neither can read a profile.
 *
 * <p>{@code optOuts} is a list in the seed and in what the app backend writes, which {@code ADD} cannot
 * extend ({@code ADD} takes numbers and sets only). So an opt-out is
 * {@code SET optOuts = list_append(if_not_exists(optOuts, :none), :entry)} under
 * {@code NOT contains(optOuts, :value)}: a second unsubscribe fails the condition and changes nothing. When a
 * writer stored {@code optOuts} as a string set instead (the reader accepts both), {@code list_append} is a
 * {@code ValidationException} and the entry is {@code ADD}ed to the set, idempotent by nature.
 * {@code attribute_exists(userId)} keeps a deleted user deleted (an update would otherwise create the item).
 */
public final class DynamoDbMailPreferences implements MailPreferences {

    private final DynamoDbClient dynamo;
    private final String usersTable;
    private final Clock clock;

    public DynamoDbMailPreferences(DynamoDbClient dynamo, String usersTable, Clock clock) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
        this.clock = clock;
    }

    @Override
    public boolean optOutOfEmail(String userId, String program) {
        String entry = "email:" + program;
        try {
            dynamo.updateItem(b -> b.tableName(usersTable)
                    .key(Map.of("userId", s(userId)))
                    .updateExpression("SET optOuts = list_append(if_not_exists(optOuts, :none), :entry), optOutsUpdatedAt = :at")
                    .conditionExpression("attribute_exists(userId) AND NOT contains(optOuts, :value)")
                    .expressionAttributeValues(Map.of(
                            ":none", AttributeValue.fromL(List.of()),
                            ":entry", AttributeValue.fromL(List.of(s(entry))),
                            ":value", s(entry),
                            ":at", s(clock.instant().toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // opted out already, or no such user
        } catch (DynamoDbException e) {
            if (!isValidation(e)) {
                throw e;
            }
        }
        try { // optOuts is a string set
            dynamo.updateItem(b -> b.tableName(usersTable)
                    .key(Map.of("userId", s(userId)))
                    .updateExpression("ADD optOuts :entry SET optOutsUpdatedAt = :at")
                    .conditionExpression("attribute_exists(userId) AND NOT contains(optOuts, :value)")
                    .expressionAttributeValues(Map.of(
                            ":entry", AttributeValue.fromSs(List.of(entry)),
                            ":value", s(entry),
                            ":at", s(clock.instant().toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean markEmail(String userId, String address, UserProfile.EmailStatus status) {
        try {
            dynamo.updateItem(b -> b.tableName(usersTable)
                    .key(Map.of("userId", s(userId)))
                    .updateExpression("SET emailStatus = :status, emailStatusAt = :at")
                    // A complaint is the stronger verdict: a later bounce does not turn it into "bounced".
                    .conditionExpression("attribute_exists(userId) AND email = :address"
                            + (status == UserProfile.EmailStatus.BOUNCED
                                    ? " AND (attribute_not_exists(emailStatus) OR emailStatus <> :complained)" : ""))
                    .expressionAttributeValues(status == UserProfile.EmailStatus.BOUNCED
                            ? Map.of(":status", s(status.wireName()), ":at", s(clock.instant().toString()),
                                    ":address", s(address), ":complained", s(UserProfile.EmailStatus.COMPLAINED.wireName()))
                            : Map.of(":status", s(status.wireName()), ":at", s(clock.instant().toString()),
                                    ":address", s(address))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // unknown user, another address by now, or already complained
        }
    }

    private static boolean isValidation(DynamoDbException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode());
    }
}
