package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.s;
import static dev.hearken.push.aws.Items.string;

import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.QuietHours;
import dev.hearken.push.domain.UserProfile;
import dev.hearken.push.port.UserDirectory;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Users and devices in DynamoDB.
 *
 * <p>{@code push-users} item: {@code userId} (key), {@code locale} ({@code pt-BR}), {@code timeZone}
 * (IANA), {@code quietHours} ({@code "22:00-08:00"}, optional), {@code optOuts} (list of programs,
 * {@code *} = all, {@code email:<program>} / {@code email:*} = e-mail only), {@code email} (optional),
 * {@code emailStatus} ({@code ok}|{@code bounced}|{@code complained}, optional = ok: set from SES bounce and
 * complaint feedback; anything but ok stops e-mail to the address), {@code attributes} (map of strings for experiment
 * targeting, e.g. {@code country}).
 * {@code push-devices} item: {@code userId} (partition), {@code token} (sort), {@code platform}
 * ({@code android}|{@code ios}), {@code registeredAt} (ISO-8601), and from the app-backend API ({@link DynamoDbAppUsers})
 * {@code lastSeen} (ISO-8601), {@code appId} and {@code locale} (both optional).
 */
public final class DynamoDbUserDirectory implements UserDirectory {

    private final DynamoDbClient dynamo;
    private final String usersTable;
    private final String devicesTable;

    public DynamoDbUserDirectory(DynamoDbClient dynamo, String usersTable, String devicesTable) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
        this.devicesTable = devicesTable;
    }

    @Override
    public Optional<UserProfile> profile(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(usersTable).key(Map.of("userId", s(userId))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(profileOf(userId, item));
    }

    /** The profile in a {@code push-users} item (the shape above); the app-backend API reads it the same way. */
    static UserProfile profileOf(String userId, Map<String, AttributeValue> item) {
        Set<String> optOuts = new HashSet<>(optOutsOf(item));
        Map<String, String> attributes = new HashMap<>();
        AttributeValue attrs = item.get("attributes");
        if (attrs != null && attrs.hasM()) {
            attrs.m().forEach((k, v) -> {
                if (v.s() != null) {
                    attributes.put(k, v.s());
                }
            });
        }
        String quiet = string(item, "quietHours");
        return new UserProfile(userId, string(item, "locale"), zone(string(item, "timeZone")), optOuts,
                quiet == null ? null : QuietHours.parse(quiet), string(item, "email"), emailStatus(string(item, "emailStatus")),
                attributes);
    }

    /** The {@code optOuts} of a {@code push-users} item in stored order: a list, or a string set (older writers). */
    static List<String> optOutsOf(Map<String, AttributeValue> item) {
        List<String> optOuts = new ArrayList<>();
        AttributeValue list = item.get("optOuts");
        if (list != null && list.hasL()) {
            list.l().forEach(v -> optOuts.add(v.s()));
        } else if (list != null && list.hasSs()) {
            optOuts.addAll(list.ss());
        }
        return optOuts;
    }

    @Override
    public List<Device> devices(String userId) {
        List<Device> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(devicesTable)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", s(userId))))
                .items()
                .forEach(item -> out.add(new Device(userId, string(item, "token"), Platform.parse(string(item, "platform")))));
        return out;
    }

    @Override
    public void removeDevice(Device device) {
        dynamo.deleteItem(b -> b.tableName(devicesTable)
                .key(Map.of("userId", s(device.userId()), "token", s(device.token()))));
    }

    private static UserProfile.EmailStatus emailStatus(String value) {
        try {
            return UserProfile.EmailStatus.parse(value);
        } catch (IllegalArgumentException e) {
            // an unknown status (a newer writer): don't send, a bounce costs SES reputation
            return UserProfile.EmailStatus.BOUNCED;
        }
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null; // an unknown zone from an old client: UTC rather than no push at all
        }
    }
}
