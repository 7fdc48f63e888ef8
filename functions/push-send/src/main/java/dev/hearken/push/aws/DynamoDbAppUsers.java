package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.s;
import static dev.hearken.push.aws.Items.string;

import dev.hearken.integration.ConflictException;
import dev.hearken.push.domain.DeviceRegistration;
import dev.hearken.push.domain.ProfileUpdate;
import dev.hearken.push.domain.RegisteredDevice;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.DeviceRegistry;
import dev.hearken.push.port.ProfileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The app-backend API's writes to {@code push-devices} and {@code push-users}, in the item shapes
 * {@link DynamoDbUserDirectory} documents and the send path reads.
 *
 * <p>A device is one {@code UpdateItem}: {@code registeredAt} only if absent, {@code lastSeen} always, so a
 * refresh is idempotent and keeps the first registration time.
 *
 * <p>A profile is read, then written with one conditional {@code UpdateItem}, because {@code optOuts} is shared:
 * the one-click unsubscribe appends {@code email:<program>} to it at any time (and stamps {@code optOutsUpdatedAt}).
 * The write holds only if {@code optOutsUpdatedAt} is still what was read (or still absent, or the item still
 * absent); otherwise it reads again, up to {@value #ATTEMPTS} times, and then answers a conflict. An address that
 * changes clears {@code emailStatus}: a bounce of the old address says nothing about the new one.
 */
public final class DynamoDbAppUsers implements DeviceRegistry, ProfileStore {

    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String usersTable;
    private final String devicesTable;

    public DynamoDbAppUsers(DynamoDbClient dynamo, String usersTable, String devicesTable) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
        this.devicesTable = devicesTable;
    }

    @Override
    public RegisteredDevice register(DeviceRegistration registration, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":platform", s(registration.device().platform().wireName()), ":now", s(now.toString())));
        Update update = new Update();
        update.set("platform", ":platform").set("lastSeen", ":now").set("registeredAt", "if_not_exists(#registeredAt, :now)");
        update.setOrRemove("appId", registration.appId(), values);
        update.setOrRemove("locale", registration.locale(), values);
        Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(devicesTable)
                .key(deviceKey(registration.device().userId(), registration.device().token()))
                .updateExpression(update.expression())
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return device(item);
    }

    @Override
    public boolean remove(String userId, String token) {
        return dynamo.deleteItem(b -> b.tableName(devicesTable).key(deviceKey(userId, token))
                .returnValues(ReturnValue.ALL_OLD)).hasAttributes();
    }

    @Override
    public List<RegisteredDevice> devices(String userId) {
        List<RegisteredDevice> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(devicesTable).consistentRead(true)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", s(userId))))
                .items()
                .forEach(item -> out.add(device(item)));
        return out;
    }

    @Override
    public UserProfile upsert(String userId, ProfileUpdate update, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, AttributeValue> current = read(userId);
            try {
                Map<String, AttributeValue> stored = write(userId, update, current, now);
                return DynamoDbUserDirectory.profileOf(userId, stored);
            } catch (ConditionalCheckFailedException changed) {
                // an unsubscribe (or another upsert) changed the opt-outs since the read: decide again on the new item
            }
        }
        throw new ConflictException("push-users", "the user's profile");
    }

    @Override
    public Optional<UserProfile> find(String userId) {
        Map<String, AttributeValue> item = read(userId);
        return item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbUserDirectory.profileOf(userId, item));
    }

    private Map<String, AttributeValue> read(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(usersTable).consistentRead(true)
                .key(Map.of("userId", s(userId)))).item();
        return item == null ? Map.of() : item;
    }

    private Map<String, AttributeValue> write(String userId, ProfileUpdate profile, Map<String, AttributeValue> current,
            Instant now) {
        List<String> before = DynamoDbUserDirectory.optOutsOf(current);
        List<String> after = profile.optOuts(before);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":locale", s(profile.locale()), ":zone", s(profile.timeZone().getId()),
                ":optOuts", AttributeValue.fromL(after.stream().map(Items::s).toList()), ":now", s(now.toString())));
        Update update = new Update();
        update.set("locale", ":locale").set("timeZone", ":zone").set("optOuts", ":optOuts").set("profileUpdatedAt", ":now");
        if (!after.equals(before)) {
            update.set("optOutsUpdatedAt", ":now");
        }
        update.setOrRemove("quietHours", profile.storedQuietHours(), values);
        update.setOrRemove("email", profile.address(), values);
        if (!current.isEmpty() && !Objects.equals(string(current, "email"), profile.address())) {
            update.remove("emailStatus").remove("emailStatusAt");
        }
        String condition;
        String seen = string(current, "optOutsUpdatedAt");
        if (current.isEmpty()) {
            condition = "attribute_not_exists(userId)";
        } else if (seen == null) {
            condition = "attribute_exists(userId) AND attribute_not_exists(optOutsUpdatedAt)";
        } else {
            condition = "optOutsUpdatedAt = :seen";
            values.put(":seen", s(seen));
        }
        return dynamo.updateItem(b -> b.tableName(usersTable)
                .key(Map.of("userId", s(userId)))
                .updateExpression(update.expression())
                .expressionAttributeNames(update.names())
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
    }

    private static Map<String, AttributeValue> deviceKey(String userId, String token) {
        return Map.of("userId", s(userId), "token", s(token));
    }

    private static RegisteredDevice device(Map<String, AttributeValue> item) {
        return new RegisteredDevice(string(item, "token"), string(item, "platform"), string(item, "appId"),
                string(item, "locale"), string(item, "registeredAt"), string(item, "lastSeen"));
    }

    /**
     * An update expression of SET and REMOVE clauses, every attribute by an expression attribute name ({@code #locale}):
     * several of these names are, or may become, DynamoDB reserved words.
     */
    private static final class Update {
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();

        /** {@code SET #name = value}; {@code value} may refer to the attribute as {@code #name}. */
        Update set(String name, String value) {
            names.put("#" + name, name);
            sets.add("#" + name + " = " + value);
            return this;
        }

        Update remove(String name) {
            names.put("#" + name, name);
            removes.add("#" + name);
            return this;
        }

        /** {@code SET name = :name} when {@code value} is given, else {@code REMOVE name}. */
        void setOrRemove(String name, String value, Map<String, AttributeValue> values) {
            if (value == null) {
                remove(name);
            } else {
                set(name, ":" + name);
                values.put(":" + name, s(value));
            }
        }

        Map<String, String> names() {
            return names;
        }

        String expression() {
            return (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                    + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        }
    }
}
