package dev.hearken.push.function;

import static dev.hearken.push.function.AppApiCalls.assertRefused;
import static dev.hearken.push.function.AppApiCalls.bad;
import static dev.hearken.push.function.AppApiCalls.body;
import static dev.hearken.push.function.AppApiCalls.forUser;
import static dev.hearken.push.function.AppApiCalls.invoke;
import static dev.hearken.push.function.AppApiCalls.path;
import static dev.hearken.push.function.AppApiCalls.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The app-api Lambda (same artifact, export {@code app}): the HTTP API envelopes of {@code events/app-api/} through
 * the Lambda mock event server, DynamoDB in the emulator. Invalid requests are the samples with one thing changed;
 * each must be a 400 naming the field, with nothing written. Every test uses users of its own.
 */
@QuarkusTest
@TestProfile(AppFunctionTest.AppExport.class)
class AppFunctionTest {

    /** Runs the application with {@code QUARKUS_FUNQY_EXPORT=app}, as the CDK stack does for app-api. */
    public static class AppExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "app");
        }
    }

    static final String FCM_TOKEN = "eHearkenAppApi1101x:APA91bHearkenDemoUser1101Pixel9";
    static final String APNS_TOKEN = "5b1c0e7d2f3a4b5c6d7e8f9000a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @BeforeEach
    void reset() {
        TestClock.CLOCK.set(TestClock.START);
    }

    // --- devices ---------------------------------------------------------------------------------

    @Test
    void a_registered_device_is_stored_in_the_shape_the_send_path_reads() {
        String user = "app-user-register";

        JsonPath reply = invoke(sample("device-register-android-ok", forUser(user)));

        assertThat(reply.getInt("statusCode")).isEqualTo(200);
        JsonPath device = body(reply);
        assertThat(device.getString("token")).isEqualTo(FCM_TOKEN);
        assertThat(device.getString("platform")).isEqualTo("android");
        assertThat(device.getString("appId")).isEqualTo("com.example.lumen");
        assertThat(device.getString("locale")).isEqualTo("pt-BR");
        Map<String, AttributeValue> item = device(user, FCM_TOKEN);
        assertThat(item.get("platform").s()).isEqualTo("android");
        assertThat(item.get("registeredAt").s()).isEqualTo(TestClock.START.toString());
        assertThat(item.get("lastSeen").s()).isEqualTo(TestClock.START.toString());
    }

    @Test
    void refreshing_a_device_moves_last_seen_and_keeps_the_first_registration() {
        String user = "app-user-refresh";
        invoke(sample("device-register-ios-ok", forUser(user)));
        TestClock.CLOCK.set(TestClock.START.plus(Duration.ofDays(3)));

        JsonPath again = invoke(sample("device-register-ios-ok", forUser(user)));

        assertThat(again.getInt("statusCode")).isEqualTo(200);
        assertThat(body(again).getString("registeredAt")).isEqualTo(TestClock.START.toString());
        assertThat(body(again).getString("lastSeen")).isEqualTo(TestClock.START.plus(Duration.ofDays(3)).toString());
        assertThat(devicesOf(user)).hasSize(1);
    }

    @Test
    void a_device_removed_twice_is_removed_once_and_the_list_shows_what_is_left() {
        String user = "app-user-remove";
        invoke(sample("device-register-android-ok", forUser(user)));
        invoke(sample("device-register-ios-ok", forUser(user)));

        JsonPath first = invoke(sample("device-remove-ok", forUser(user)));
        JsonPath second = invoke(sample("device-remove-ok", forUser(user)));
        JsonPath list = invoke(sample("devices-list-ok", forUser(user)));

        assertThat(body(first).getBoolean("removed")).isTrue();
        assertThat(second.getInt("statusCode")).isEqualTo(200);
        assertThat(body(second).getBoolean("removed")).isFalse();
        assertThat(body(list).getList("devices.token")).containsExactly(APNS_TOKEN);
        assertThat(body(list).getList("devices.platform")).containsExactly("ios");
    }

    @Test
    void the_sample_with_a_token_that_is_not_hex_for_ios_is_refused_naming_the_token() {
        JsonPath reply = invoke(sample("device-register-invalid-token", forUser("app-user-bad-sample")));

        assertRefused(reply, "token");
        assertThat(devicesOf("app-user-bad-sample")).isEmpty();
    }

    static List<Object[]> invalidRegistrations() {
        return List.of(
                bad("malformed JSON, cut inside a value", "platform", e -> e.put("body", "{\"platform\":\"andr"), "platform"),
                bad("platform of the wrong type", "platform", e -> e.put("body", "{\"platform\":7}"), "platform"),
                bad("unknown platform", "platform", e -> e.put("body", "{\"platform\":\"windows\"}"), "platform"),
                bad("missing platform", "platform", e -> e.put("body", "{\"appId\":\"com.example.lumen\"}"), "platform"),
                bad("unknown field", "nickname", e -> e.put("body", "{\"platform\":\"android\",\"nickname\":\"x\"}"),
                        "nickname"),
                bad("bad locale", "locale", e -> e.put("body", "{\"platform\":\"android\",\"locale\":\"pt_BR!\"}"), "locale"),
                bad("app id with a space", "appId", e -> e.put("body", "{\"platform\":\"android\",\"appId\":\"com example\"}"),
                        "appId"),
                bad("FCM token with a slash", "token", e -> path(e, "token", "abc/../../secretsAPA91bHearken00"), "token"),
                bad("FCM token too short", "token", e -> path(e, "token", "short:APA91b"), "token"),
                bad("iOS token of an odd number of hex digits", "token", e -> {
                    path(e, "token", APNS_TOKEN + "a");
                    e.put("body", "{\"platform\":\"ios\"}");
                }, "token"),
                bad("over-long user id", "userId", e -> path(e, "userId", "u".repeat(129)), "userId"),
                bad("user id that is a path traversal", "userId", e -> path(e, "userId", "../../etc/passwd"), "userId"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("invalidRegistrations")
    void an_invalid_registration_is_refused_naming_the_field_and_writes_nothing(String what, String field,
            Consumer<ObjectNode> change, String expectedField) {
        String user = "app-user-invalid-register";
        ObjectNode event = sample("device-register-android-ok", forUser(user));
        change.accept(event);

        JsonPath reply = invoke(event);

        assertRefused(reply, expectedField);
        assertThat(devicesOf(user)).isEmpty();
    }

    static List<Object[]> invalidRemovals() {
        return List.of(
                bad("token with a slash", "token", e -> path(e, "token", "../../../../etc/passwd/APA91b"), "token"),
                bad("token with a line break", "token", e -> path(e, "token", "eHearken\r\nX-Injected:APA91bHearken"), "token"),
                bad("empty token", "token", e -> path(e, "token", ""), "token"),
                bad("token too long", "token", e -> path(e, "token", "a".repeat(513)), "token"),
                bad("over-long user id", "userId", e -> path(e, "userId", "u".repeat(129)), "userId"),
                bad("user id that is a path traversal", "userId", e -> path(e, "userId", ".."), "userId"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("invalidRemovals")
    void an_invalid_removal_is_refused_naming_the_field_and_removes_nothing(String what, String field,
            Consumer<ObjectNode> change, String expectedField) {
        String user = "app-user-invalid-remove";
        invoke(sample("device-register-android-ok", forUser(user)));
        ObjectNode event = sample("device-remove-ok", forUser(user));
        change.accept(event);

        assertRefused(invoke(event), expectedField);
        assertThat(devicesOf(user)).hasSize(1);
    }

    static List<Object[]> invalidUserIds() {
        return List.of(
                bad("path traversal", "userId", e -> path(e, "userId", "../../etc/passwd"), "userId"),
                bad("129 characters", "userId", e -> path(e, "userId", "u".repeat(129)), "userId"),
                bad("a space", "userId", e -> path(e, "userId", "user 1101"), "userId"),
                bad("a NUL", "userId", e -> path(e, "userId", "user\u00001101"), "userId"),
                bad("a line break", "userId", e -> path(e, "userId", "user-1101\r\nforged"), "userId"),
                bad("nothing", "userId", e -> path(e, "userId", ""), "userId"));
    }

    @ParameterizedTest(name = "listing devices of a user id with {0} is refused")
    @MethodSource("invalidUserIds")
    void listing_devices_of_an_invalid_user_id_is_refused_naming_it(String what, String field,
            Consumer<ObjectNode> change, String expectedField) {
        ObjectNode event = sample("devices-list-ok", forUser("user-1101"));
        change.accept(event);

        assertRefused(invoke(event), expectedField);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, AttributeValue> device(String user, String token) {
        return dynamo.getItem(b -> b.tableName(tables.pushDevices()).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user), "token", AttributeValue.fromS(token)))).item();
    }

    private List<Map<String, AttributeValue>> devicesOf(String user) {
        return AppApiCalls.devicesOf(dynamo, tables, user);
    }
}
