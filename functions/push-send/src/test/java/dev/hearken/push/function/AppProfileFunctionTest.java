package dev.hearken.push.function;

import static dev.hearken.push.function.AppApiCalls.assertRefused;
import static dev.hearken.push.function.AppApiCalls.bad;
import static dev.hearken.push.function.AppApiCalls.body;
import static dev.hearken.push.function.AppApiCalls.forUser;
import static dev.hearken.push.function.AppApiCalls.invoke;
import static dev.hearken.push.function.AppApiCalls.path;
import static dev.hearken.push.function.AppApiCalls.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.push.aws.PushMessageJson;
import dev.hearken.push.service.PushService;
import dev.hearken.push.service.SendResult;
import dev.hearken.testing.fakes.fcm.FcmFake;
import io.quarkus.test.junit.QuarkusTest;
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
 * The app-api Lambda's profile routes, and the proof that the send path reads what the API writes: a device and a
 * profile registered through the API, then a message through push-send's own {@link PushService} (the same adapters
 * its worker uses) reaches the FCM fake — or does not, when the profile turned push off.
 */
@QuarkusTest
@TestProfile(AppFunctionTest.AppExport.class)
class AppProfileFunctionTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    PushService push;

    @Inject
    ObjectMapper json;

    private final FcmFake fcm = PushEmulatorResource.FCM;

    @BeforeEach
    void reset() {
        TestClock.CLOCK.set(TestClock.START);
        fcm.reset();
        fcm.latency(Duration.ZERO);
    }

    @Test
    void a_profile_put_is_stored_in_the_shape_the_send_path_reads_and_read_back_as_written() {
        String user = "app-user-profile";

        JsonPath put = invoke(sample("profile-put-ok", forUser(user)));
        JsonPath get = invoke(sample("profile-get-ok", forUser(user)));

        assertThat(put.getInt("statusCode")).isEqualTo(200);
        assertThat(get.getInt("statusCode")).isEqualTo(200);
        assertThat(body(get).getMap("")).isEqualTo(body(put).getMap(""));
        assertThat(body(get).getString("locale")).isEqualTo("pt-BR");
        assertThat(body(get).getString("timeZone")).isEqualTo("America/Sao_Paulo");
        assertThat(body(get).getString("quietHours.start")).isEqualTo("23:00");
        assertThat(body(get).getString("quietHours.end")).isEqualTo("07:30");
        assertThat(body(get).getBoolean("channels.push")).isTrue();
        assertThat(body(get).getBoolean("channels.email")).isFalse();
        assertThat(body(get).getString("email")).isEqualTo("bia.costa@example.org");
        Map<String, AttributeValue> item = user(user);
        assertThat(item.get("quietHours").s()).isEqualTo("23:00-07:30");
        assertThat(item.get("timeZone").s()).isEqualTo("America/Sao_Paulo");
        assertThat(item.get("optOuts").l()).extracting(AttributeValue::s).containsExactly("email:*");
    }

    @Test
    void an_upsert_keeps_per_program_opt_outs_and_the_address_status_until_the_address_changes() {
        String user = "app-user-keeps";
        dynamo.putItem(b -> b.tableName(tables.pushUsers()).item(Map.of(
                "userId", AttributeValue.fromS(user),
                "optOuts", AttributeValue.fromL(List.of(AttributeValue.fromS("email:product-news"), AttributeValue.fromS("*"))),
                "optOutsUpdatedAt", AttributeValue.fromS("2026-03-01T00:00:00Z"),
                "email", AttributeValue.fromS("bia.costa@example.org"),
                "emailStatus", AttributeValue.fromS("bounced"),
                "attributes", AttributeValue.fromM(Map.of("country", AttributeValue.fromS("BR"))))));

        JsonPath same = invoke(sample("profile-put-ok", forUser(user).andThen(channels(true, true))));

        assertThat(body(same).getList("optOuts")).containsExactly("email:product-news");
        assertThat(body(same).getBoolean("channels.push")).isTrue();
        assertThat(body(same).getString("emailStatus")).isEqualTo("bounced");
        assertThat(user(user).get("attributes").m()).containsKey("country");

        JsonPath moved = invoke(sample("profile-put-ok", forUser(user).andThen(e -> e.put("body",
                "{\"locale\":\"pt-BR\",\"timeZone\":\"America/Sao_Paulo\",\"channels\":{\"push\":true,\"email\":true},"
                        + "\"email\":\"bia@example.net\"}"))));

        assertThat(body(moved).getString("emailStatus")).isEqualTo("ok");
        assertThat(body(moved).getString("quietHours.start")).isEqualTo("22:00"); // none given: the default
        assertThat(user(user)).doesNotContainKeys("emailStatus", "quietHours");
    }

    @Test
    void a_device_and_profile_registered_through_the_api_are_what_a_push_send_uses() {
        String user = "app-user-e2e";
        invoke(sample("device-register-android-ok", forUser(user)));
        invoke(sample("profile-put-ok", forUser(user)));

        SendResult sent = push.process(PushMessageJson.read(json, message(user, "e2e-1")));

        assertThat(sent).isEqualTo(new SendResult.Finished("sent"));
        assertThat(fcm.delivered()).hasSize(1);
        assertThat(fcm.delivered().get(0).body()).contains(AppFunctionTest.FCM_TOKEN);
    }

    @Test
    void a_user_who_turned_push_off_through_the_api_gets_no_push() {
        String user = "app-user-push-off";
        invoke(sample("device-register-android-ok", forUser(user)));
        invoke(sample("profile-put-ok", forUser(user).andThen(channels(false, false))));

        SendResult result = push.process(PushMessageJson.read(json, message(user, "e2e-off")));

        assertThat(result).isEqualTo(new SendResult.Finished("opted-out"));
        assertThat(fcm.delivered()).isEmpty();
    }

    @Test
    void the_profile_of_an_unknown_user_is_not_found() {
        JsonPath reply = invoke(sample("profile-get-ok", forUser("app-user-nobody")));

        assertThat(reply.getInt("statusCode")).isEqualTo(404);
        assertThat(body(reply).getString("error")).isEqualTo("not_found");
    }

    static List<Object[]> invalidProfiles() {
        String valid = "\"locale\":\"pt-BR\",\"timeZone\":\"America/Sao_Paulo\",\"channels\":{\"push\":true,\"email\":true}";
        return List.of(
                bad("malformed JSON, cut inside a value", "timeZone",
                        e -> e.put("body", "{\"locale\":\"pt-BR\",\"timeZone\":\"America/Sao_"), "timeZone"),
                bad("bad locale", "locale", withBody("{" + valid.replace("pt-BR", "portuguese_brazil!") + "}"), "locale"),
                bad("locale of the wrong type", "locale", withBody("{" + valid.replace("\"pt-BR\"", "42") + "}"), "locale"),
                bad("unknown zone", "timeZone", withBody("{" + valid.replace("America/Sao_Paulo", "Mars/Olympus_Mons") + "}"),
                        "timeZone"),
                bad("an offset for a zone", "timeZone", withBody("{" + valid.replace("America/Sao_Paulo", "+02:00") + "}"),
                        "timeZone"),
                bad("quiet hours at 25:00", "quietHours.start",
                        withBody("{" + valid + ",\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}"), "quietHours.start"),
                bad("quiet hours without a leading zero", "quietHours.end",
                        withBody("{" + valid + ",\"quietHours\":{\"start\":\"22:00\",\"end\":\"8:00\"}}"), "quietHours.end"),
                bad("quiet hours without an end", "quietHours.end",
                        withBody("{" + valid + ",\"quietHours\":{\"start\":\"22:00\"}}"), "quietHours.end"),
                bad("missing channels", "channels", withBody("{\"locale\":\"pt-BR\",\"timeZone\":\"America/Sao_Paulo\"}"),
                        "channels"),
                bad("a channel as a string", "channels.push", withBody("{" + valid.replace("\"push\":true", "\"push\":\"yes\"") + "}"),
                        "channels.push"),
                bad("an address without a domain", "email", withBody("{" + valid + ",\"email\":\"bia.costa@\"}"), "email"),
                bad("an address with a header injected", "email",
                        withBody("{" + valid + ",\"email\":\"bia@example.org\\r\\nBcc: all@example.org\"}"), "email"),
                bad("unknown field", "nickname", withBody("{" + valid + ",\"nickname\":\"Bia\"}"), "nickname"),
                bad("over-long user id", "userId", e -> path(e, "userId", "u".repeat(129)), "userId"),
                bad("user id that is a path traversal", "userId", e -> path(e, "userId", "../users"), "userId"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("invalidProfiles")
    void an_invalid_profile_is_refused_naming_the_field_and_writes_nothing(String what, String field,
            Consumer<ObjectNode> change, String expectedField) {
        String user = "app-user-invalid-profile";
        ObjectNode event = sample("profile-put-ok", forUser(user));
        change.accept(event);

        assertRefused(invoke(event), expectedField);
        assertThat(user(user)).isEmpty();
    }

    @ParameterizedTest(name = "reading the profile of a user id with {0} is refused")
    @MethodSource("dev.hearken.push.function.AppFunctionTest#invalidUserIds")
    void reading_the_profile_of_an_invalid_user_id_is_refused_naming_it(String what, String field,
            Consumer<ObjectNode> change, String expectedField) {
        ObjectNode event = sample("profile-get-ok", e -> { });
        change.accept(event);

        assertRefused(invoke(event), expectedField);
    }

    private static Consumer<ObjectNode> withBody(String body) {
        return e -> e.put("body", body);
    }

    private static Consumer<ObjectNode> channels(boolean push, boolean email) {
        return e -> e.put("body", "{\"locale\":\"pt-BR\",\"timeZone\":\"America/Sao_Paulo\",\"channels\":{\"push\":"
                + push + ",\"email\":" + email + "},\"email\":\"bia.costa@example.org\"}");
    }

    /** A transactional message (no quiet hours, no caps to speak of) with a template the seed has. */
    private static String message(String user, String key) {
        return "{\"userId\":\"" + user + "\",\"program\":\"support\",\"priority\":\"transactional\","
                + "\"template\":\"ticket-answered\",\"data\":{\"ticketId\":\"35436\",\"deeplink\":\"lumen://support\"},"
                + "\"channel\":\"push\",\"idempotencyKey\":\"support:" + key + ":" + user + "\"}";
    }

    private Map<String, AttributeValue> user(String user) {
        return dynamo.getItem(b -> b.tableName(tables.pushUsers()).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user)))).item();
    }
}
