package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.SentMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The e-mail channel inside Quarkus: {@code events/push-send/sqs-email-ok.json} through the Lambda mock
 * event server, mail sent through the emulator's SES (read back with {@link SentMail}), delivery
 * records and program-stats counters in DynamoDB. Shares the application and {@link PushEmulatorResource}
 * with {@link SendFunctionTest}; the decision clock stands at {@link TestClock#START} (2026-03-20 15:00 UTC).
 */
@QuarkusTest
class EmailFunctionTest {

    private static final String DAY = "2026-03-20";

    @Inject
    TableNames tables;

    @Inject
    DynamoDbClient dynamo;

    private final SentMail mail = Emulator.shared().sentMail();

    @BeforeEach
    void reset() {
        TestClock.CLOCK.set(TestClock.START);
    }

    @Test
    void the_email_batch_mails_in_the_users_language_with_one_click_unsubscribe_once_however_often_it_comes() {
        Map<String, Long> supportBefore = counters("support");
        Map<String, Long> seasonalBefore = counters("seasonal");

        JsonPath first = invoke(Events.load("push-send", "sqs-email-ok"));
        JsonPath again = invoke(Events.load("push-send", "sqs-email-ok"));

        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(again.getList("batchItemFailures")).isEmpty();
        // user-1006 (es-ES, no device, channel email): one Spanish mail, from the verified identity
        assertThat(mail.to("lucia.garcia@example.org")).singleElement().satisfies(m -> {
            assertThat(m.raw()).isTrue();
            assertThat(decode(m.subject())).isEqualTo("Respondimos a tu ticket n.º 35512");
            assertThat(m.header("From")).isEqualTo("notifications@mail.hearken.example");
            assertThat(m.header("Content-Language")).isEqualTo("es");
            assertThat(m.header("List-Unsubscribe")).matches("<https://hearken\\.example/mail/unsubscribe\\?program=support&token=[A-Za-z0-9_-]+>")
                    .doesNotContain("lucia", "user-1006");
            assertThat(m.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(textPart(m.body())).startsWith("Hola, Lucía:").contains("n.º 35512");
        });
        // user-1007 (ru-RU, no device, push-then-email): the Russian onboarding mail
        assertThat(mail.to("dmitri.ivanov@example.org")).singleElement()
                .satisfies(m -> assertThat(decode(m.subject())).isEqualTo("Добро пожаловать в Lumen, Дмитрий!"));
        // user-1008's address bounced, user-1007 opted out of seasonal e-mail: nothing sent, both recorded
        assertThat(mail.to("wei.zhang@example.org")).isEmpty();
        assertThat(records("spring-sale-2026:mail:user-1008")).containsExactly("failed email email-bounced");
        assertThat(records("spring-sale-2026:mail:user-1007")).containsExactly("opted-out email email-opted-out");
        assertThat(records("support:ticket-35512-answered:user-1006")).containsExactly("sent email");
        // program overview counters: one send and one delivery for support, a failure and an opt-out for seasonal
        assertThat(delta(supportBefore, counters("support")))
                .containsEntry("sends", 1L).containsEntry("deliveries", 1L).containsEntry("email_deliveries", 1L);
        assertThat(delta(seasonalBefore, counters("seasonal")))
                .containsEntry("failed", 1L).containsEntry("opted_out", 1L).doesNotContainKey("sends");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** RFC 2047 encoded words decoded (a plain header value as it is). */
    private static String decode(String header) {
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=").matcher(header);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        return out.isEmpty() ? header : out.toString();
    }

    /** The text/plain part of a raw message, base64-decoded. */
    private static String textPart(String raw) {
        String[] parts = raw.split("Content-Type: text/plain; charset=UTF-8\r?\n", 2);
        String afterHeaders = parts[1].split("\r?\n\r?\n", 2)[1];
        String base64 = afterHeaders.split("\r?\n\r?\n|\r?\n--", 2)[0];
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private List<String> records(String key) {
        return dynamo.scan(b -> b.tableName(tables.pushDeliveries()).filterExpression("idempotencyKey = :k")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key)))).items().stream()
                .map(i -> i.get("outcome").s() + " " + i.get("channel").s() + (i.get("reason") == null ? "" : " " + i.get("reason").s()))
                .toList();
    }

    private Map<String, Long> counters(String program) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tables.programStats()).consistentRead(true)
                .key(Map.of("program", AttributeValue.fromS(program), "day", AttributeValue.fromS(DAY)))).item();
        Map<String, Long> out = new HashMap<>();
        if (item != null) {
            item.forEach((k, v) -> {
                if (v.n() != null) {
                    out.put(k, Long.parseLong(v.n()));
                }
            });
        }
        return out;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
