package dev.hearken.experiment.assign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The API records bind strictly with the shared {@link JsonBodies}, every failure naming the field a client has to
 * fix, while fields producers add later are ignored.
 */
class ApiBindingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");
    private final JsonBodies json = new JsonBodies(new ObjectMapper());

    @Test
    void a_number_where_a_string_belongs_is_a_400_naming_the_field() {
        assertThatThrownBy(() -> json.read("{\"eventId\":\"e\",\"userId\":1001,\"type\":\"push_opened\"}",
                OutcomeEventMessage.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("userId"))
                .hasMessage("wrong type; expected a string");
    }

    @Test
    void a_string_where_a_number_belongs_is_a_400_naming_the_field() {
        assertThatThrownBy(() -> json.read("{\"type\":\"revenue\",\"value\":\"12\"}", OutcomeEventMessage.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("value"))
                .hasMessage("wrong type; expected a number");
    }

    @Test
    void unknown_fields_are_ignored_and_integers_are_numbers() {
        OutcomeEventMessage m = json.read("{\"eventId\":\"e\",\"userId\":\"u\",\"program\":\"p\",\"type\":\"revenue\","
                + "\"value\":12,\"addedLater\":true}", OutcomeEventMessage.class);

        assertThat(m.toEvent(NOW).value()).isEqualTo(12.0);
    }

    @Test
    void a_body_that_is_not_an_object_is_a_400_for_the_body() {
        assertThatThrownBy(() -> json.read("[1]", AssignmentRequest.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isNull());
        assertThatThrownBy(() -> json.read("{", AssignmentRequest.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isNull());
        assertThatThrownBy(() -> json.read("null", AssignmentRequest.class)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> json.read(" ", AssignmentRequest.class)).hasMessageContaining("empty");
    }

    @Test
    void attributes_must_be_an_object_and_a_numeric_user_id_becomes_its_decimal_string() {
        assertThatThrownBy(() -> json.read("{\"userId\":\"u\",\"attributes\":[1]}", AssignmentRequest.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("attributes"));

        assertThat(json.read("{\"userId\":1001.50}", AssignmentRequest.class).user()).isEqualTo("1001.5");
        assertThat(json.read("{\"userId\":\"u\"}", AssignmentRequest.class).targeting()).isEmpty();
    }

    @Test
    void a_numeric_user_id_beyond_double_range_is_a_400_naming_it_not_an_internal_error() {
        assertThatThrownBy(() -> json.read("{\"userId\":1e309}", AssignmentRequest.class).user())
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("userId"));
    }

    @Test
    void a_mistyped_field_in_a_batch_names_the_event_and_field() {
        String body = "{\"events\":[{\"eventId\":\"e1\",\"userId\":\"u\",\"program\":\"p\",\"type\":\"push_opened\"},"
                + "{\"eventId\":\"e2\",\"userId\":\"u\",\"program\":\"p\",\"type\":\"revenue\",\"value\":\"x\"}]}";

        assertThatThrownBy(() -> Conversions.parse(json, body, NOW))
                .isInstanceOfSatisfying(InvalidOutcomeException.class,
                        e -> assertThat(e.field()).isEqualTo("events[1].value"));
    }

    @Test
    void an_empty_or_oversized_batch_is_a_400_naming_events() {
        assertThatThrownBy(() -> Conversions.parse(json, "{\"events\":[]}", NOW))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("events"));
        assertThatThrownBy(() -> Conversions.parse(json, "{\"events\":{}}", NOW))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("events"));
    }
}
