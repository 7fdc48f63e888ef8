package dev.hearken.review.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import org.junit.jupiter.api.Test;

/** The AppFollow delivery shapes, bound as the webhook binds them (plain JUnit: no Quarkus, no emulator). */
class AppFollowDeliveryTest {

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper());

    @Test
    void a_text_message_binds_and_names_no_app() {
        AppFollowDelivery d = bodies.read("{\"text\":\"Lumen\\nApp Store, Ex\\n★★★★★ United States\\nGreat\","
                + "\"attachments\":[]}", AppFollowDelivery.class);

        assertThat(d.appId()).isNull();
    }

    @Test
    void the_test_message_binds_although_it_has_two_lines() {
        assertThat(bodies.read("{\"text\":\"Webhook integration was successful.\\nTest User / Acme (Google Play)\"}",
                AppFollowDelivery.class).text()).startsWith("Webhook");
    }

    @Test
    void a_structured_review_names_its_app_whether_ids_are_numbers_or_strings() {
        AppFollowDelivery numbers = bodies.read("{\"app\":{\"title\":\"Acme\"},\"review\":{\"review_id\":11223344556,"
                + "\"ext_id\":1234567890,\"store\":\"as\",\"date\":\"2025-01-08\",\"rating\":2,\"content\":\"x\"}}",
                AppFollowDelivery.class);
        AppFollowDelivery strings = bodies.read("{\"review\":{\"review_id\":\"gp:AOqp\",\"ext_id\":\"com.example.lumen\","
                + "\"store\":\"gp\",\"date\":\"2025-01-08\",\"rating\":5}}", AppFollowDelivery.class);

        assertThat(numbers.appId()).isEqualTo("1234567890");
        assertThat(strings.appId()).isEqualTo("com.example.lumen");
    }

    @Test
    void an_empty_text_is_rejected() {
        assertThat(rejection("{\"text\":\"\"}").field()).isEqualTo("text");
    }

    @Test
    void a_number_as_text_is_rejected() {
        assertThat(rejection("{\"text\":12345}").field()).isEqualTo("text");
    }

    @Test
    void a_text_that_is_not_a_review_message_is_rejected() {
        assertThat(rejection("{\"text\":\"hello\"}").field()).isEqualTo("text");
    }

    @Test
    void an_object_of_another_shape_is_rejected_naming_text() {
        assertThat(rejection("{\"hello\":1}").field()).isEqualTo("text");
    }

    @Test
    void an_empty_review_is_rejected_naming_its_first_missing_field() {
        assertThat(rejection("{\"review\":{}}").field()).isEqualTo("review.review_id");
    }

    @Test
    void a_review_with_a_bad_store_date_or_rating_is_rejected_naming_it() {
        String valid = "\"review_id\":1,\"ext_id\":2,\"store\":\"as\",\"date\":\"2025-01-08\",\"rating\":3";

        assertThat(rejection("{\"review\":{" + valid.replace("\"as\"", "\"xx\"") + "}}").field()).isEqualTo("review.store");
        assertThat(rejection("{\"review\":{" + valid.replace("2025-01-08", "yesterday") + "}}").field())
                .isEqualTo("review.date");
        assertThat(rejection("{\"review\":{" + valid.replace(":3", ":9") + "}}").field()).isEqualTo("review.rating");
        assertThat(rejection("{\"review\":{" + valid.replace(":3", ":\"3\"") + "}}").field()).isEqualTo("review.rating");
    }

    @Test
    void a_review_id_that_is_neither_a_string_nor_an_integer_is_rejected_naming_it() {
        assertThat(rejection("{\"review\":{\"review_id\":{},\"ext_id\":2,\"store\":\"as\",\"date\":\"2025-01-08\","
                + "\"rating\":3}}").field()).isEqualTo("review.review_id");
    }

    private BadRequestException rejection(String body) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> bodies.read(body, AppFollowDelivery.class));
        assertThat(e).as("rejected: %s", body).isNotNull();
        return e;
    }
}
