package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail-unsubscribe Lambda (same artifact, export {@code unsubscribe}): the HTTP API envelopes of
 * {@code events/mail-unsubscribe/} through the Lambda mock event server, {@code push-users} in the emulator.
 * The samples' token is {@code user-1006}'s for {@code product-news}, sealed with the test-only key of
 * {@code infra/seed/secrets.local.json}; the seeded item is put back after each test.
 */
@QuarkusTest
@TestProfile(UnsubscribeFunctionTest.UnsubscribeExport.class)
class UnsubscribeFunctionTest {

    /** Runs the application with {@code QUARKUS_FUNQY_EXPORT=unsubscribe}, as the CDK stack does for mail-unsubscribe. */
    public static class UnsubscribeExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "unsubscribe");
        }
    }

    private static final String USER = "user-1006";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    private Map<String, AttributeValue> seeded;

    @BeforeEach
    void remember_the_seeded_user() {
        seeded = item();
    }

    @AfterEach
    void put_the_seeded_user_back() {
        dynamo.putItem(b -> b.tableName(tables.pushUsers()).item(seeded));
    }

    @Test
    void a_one_click_post_opts_the_user_out_of_the_programs_email_once_however_often_it_comes() {
        JsonPath first = invoke(Events.load("mail-unsubscribe", "one-click-ok"));
        JsonPath again = invoke(Events.load("mail-unsubscribe", "one-click-ok"));

        assertThat(first.getInt("statusCode")).isEqualTo(200);
        assertThat(first.getString("headers.content-type")).startsWith("application/json");
        assertThat(new JsonPath(first.getString("body")).getBoolean("unsubscribed")).isTrue();
        assertThat(new JsonPath(first.getString("body")).getString("program")).isEqualTo("product-news");
        assertThat(again.getInt("statusCode")).isEqualTo(200);
        assertThat(optOuts()).containsExactlyElementsOf(plus(seededOptOuts(), "email:product-news"));
    }

    @Test
    void following_the_link_shows_a_form_that_posts_and_changes_nothing() {
        JsonPath response = invoke(Events.load("mail-unsubscribe", "page-ok"));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).startsWith("text/html");
        assertThat(response.getString("headers.referrer-policy")).isEqualTo("no-referrer");
        assertThat(response.getString("body"))
                .contains("<form method=\"post\" action=\"?program=product-news&amp;token=")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"")
                .doesNotContain(USER, "lucia");
        assertThat(optOuts()).containsExactlyElementsOf(seededOptOuts());
    }

    @Test
    void the_form_posted_from_a_browser_is_answered_with_a_page() {
        String event = Events.load("mail-unsubscribe", "one-click-ok")
                .replace("\"content-type\": \"application/x-www-form-urlencoded\"",
                        "\"accept\": \"text/html\", \"content-type\": \"application/x-www-form-urlencoded\"");

        JsonPath response = invoke(event);

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).startsWith("text/html");
        assertThat(response.getString("body")).contains("no longer get e-mail from <strong>product-news</strong>");
        assertThat(optOuts()).contains("email:product-news");
    }

    @Test
    void a_tampered_token_or_one_for_another_program_is_a_400_invalid_token_and_changes_nothing() {
        for (String scenario : List.of("one-click-invalid-token", "one-click-invalid-other-program")) {
            JsonPath response = invoke(Events.load("mail-unsubscribe", scenario));

            assertThat(response.getInt("statusCode")).as(scenario).isEqualTo(400);
            assertThat(response.getString("headers.content-type")).startsWith("application/json");
            assertThat(new JsonPath(response.getString("body")).getString("error")).isEqualTo("invalid_token");
        }
        assertThat(optOuts()).containsExactlyElementsOf(seededOptOuts());
    }

    @Test
    void a_tampered_token_followed_as_a_link_is_an_html_page_for_a_browser_and_a_json_error_for_anything_else() {
        String link = Events.load("mail-unsubscribe", "page-ok").replace("KJFaxXw", "KJFAAAA");
        String notBrowser = link.replace("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "application/json");

        JsonPath browser = invoke(link);
        JsonPath other = invoke(notBrowser);

        assertThat(browser.getInt("statusCode")).isEqualTo(400);
        assertThat(browser.getString("headers.content-type")).startsWith("text/html");
        assertThat(other.getInt("statusCode")).isEqualTo(400);
        assertThat(other.getString("headers.content-type")).startsWith("application/json");
        assertThat(new JsonPath(other.getString("body")).getString("error")).isEqualTo("invalid_token");
        assertThat(optOuts()).containsExactlyElementsOf(seededOptOuts());
    }

    @Test
    void a_link_without_its_token_is_a_400_naming_the_parameter() {
        String event = Events.load("mail-unsubscribe", "one-click-ok").replaceAll("\"token\": \"[^\"]*\"", "\"other\": \"x\"");

        JsonPath response = invoke(event);

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        JsonPath body = new JsonPath(response.getString("body"));
        assertThat(body.getString("error")).isEqualTo("invalid_request");
        assertThat(body.getString("field")).isEqualTo("token");
    }

    @Test
    void another_method_is_a_405_json_error_and_changes_nothing() {
        String event = Events.load("mail-unsubscribe", "one-click-ok").replace("\"method\": \"POST\"", "\"method\": \"DELETE\"");

        JsonPath response = invoke(event);

        assertThat(response.getInt("statusCode")).isEqualTo(405);
        assertThat(response.getString("headers.content-type")).startsWith("application/json");
        assertThat(new JsonPath(response.getString("body")).getString("error")).isEqualTo("method_not_allowed");
        assertThat(optOuts()).containsExactlyElementsOf(seededOptOuts());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private Map<String, AttributeValue> item() {
        return dynamo.getItem(b -> b.tableName(tables.pushUsers()).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(USER)))).item();
    }

    private List<String> optOuts() {
        AttributeValue list = item().get("optOuts");
        return list == null ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    private List<String> seededOptOuts() {
        AttributeValue list = seeded.get("optOuts");
        return list == null ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    private static List<String> plus(List<String> list, String entry) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(entry)).toList();
    }
}
