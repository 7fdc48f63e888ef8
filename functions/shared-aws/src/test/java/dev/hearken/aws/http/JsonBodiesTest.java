package dev.hearken.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    record Item(@JsonProperty(required = true) String id, int quantity) {}

    record Order(@JsonProperty(required = true) String customer, Double amount, Boolean gift, List<Item> items) {}

    record Rating(int stars) {
        Rating {
            if (stars < 1 || stars > 5) {
                throw new BadRequestException("stars", "stars must be 1-5");
            }
        }
    }

    record Holder(Rating rating) {}

    record Either(com.fasterxml.jackson.databind.JsonNode id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lenient(String text) {}

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper());

    @Test
    void a_well_formed_body_binds_to_the_record() {
        Order order = bodies.read("{\"customer\":\"c-1\",\"amount\":9.5,\"gift\":true,\"items\":[{\"id\":\"a\",\"quantity\":2}]}",
                Order.class);

        assertThat(order).isEqualTo(new Order("c-1", 9.5, true, List.of(new Item("a", 2))));
    }

    @Test
    void an_unknown_field_is_rejected_naming_it() {
        assertThat(rejection("{\"customer\":\"c\",\"colour\":\"red\"}", Order.class)).returns("colour", BadRequestException::field)
                .extracting(Throwable::getMessage).isEqualTo("unknown field");
    }

    @Test
    void an_unknown_field_in_a_nested_object_is_named_by_its_path() {
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"id\":\"a\",\"quantity\":1,\"x\":1}]}", Order.class).field())
                .isEqualTo("items[0].x");
    }

    @Test
    void a_record_that_ignores_unknown_fields_accepts_them() {
        assertThat(bodies.read("{\"text\":\"hi\",\"attachments\":[]}", Lenient.class)).isEqualTo(new Lenient("hi"));
    }

    @Test
    void a_missing_required_field_is_rejected_naming_it() {
        BadRequestException e = rejection("{\"amount\":1}", Order.class);

        assertThat(e.field()).isEqualTo("customer");
        assertThat(e).hasMessage("required field is missing");
    }

    @Test
    void a_missing_required_field_in_a_nested_object_is_named_by_its_path() {
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"quantity\":1}]}", Order.class).field())
                .isEqualTo("items[0].id");
    }

    @Test
    void a_number_where_a_string_belongs_is_a_wrong_type() {
        BadRequestException e = rejection("{\"customer\":12345}", Order.class);

        assertThat(e.field()).isEqualTo("customer");
        assertThat(e).hasMessage("wrong type; expected a string");
    }

    @Test
    void a_string_where_a_number_belongs_is_a_wrong_type() {
        assertThat(rejection("{\"customer\":\"c\",\"amount\":\"9\"}", Order.class).field()).isEqualTo("amount");
    }

    @Test
    void a_number_where_a_boolean_belongs_is_a_wrong_type() {
        assertThat(rejection("{\"customer\":\"c\",\"gift\":1}", Order.class).field()).isEqualTo("gift");
    }

    @Test
    void a_fraction_where_an_integer_belongs_is_rejected() {
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"id\":\"a\",\"quantity\":1.5}]}", Order.class).field())
                .isEqualTo("items[0].quantity");
    }

    @Test
    void null_or_nothing_for_a_primitive_is_rejected() {
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"id\":\"a\",\"quantity\":null}]}", Order.class))
                .returns("items[0].quantity", BadRequestException::field).hasMessage("required field is missing or null");
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"id\":\"a\"}]}", Order.class).field())
                .isEqualTo("items[0].quantity");
    }

    @Test
    void a_number_beyond_double_range_is_rejected_not_read_as_infinity() {
        BadRequestException e = rejection("{\"customer\":\"c\",\"amount\":1e309}", Order.class);

        assertThat(e.field()).isEqualTo("amount");
        assertThat(e).hasMessageNotContaining("1e309");
    }

    @Test
    void a_number_beyond_double_range_kept_as_a_tree_is_rejected_naming_the_field() {
        BadRequestException e = rejection("{\"id\":1e309}", Either.class);

        assertThat(e.field()).isEqualTo("id");
        assertThat(e).hasMessage("not a finite number");
        assertThat(bodies.read("{\"id\":1001.5}", Either.class).id().decimalValue()).isEqualByComparingTo("1001.5");
    }

    record Attributes(java.util.Map<String, Object> attributes) {}

    @Test
    void a_number_beyond_double_range_in_a_free_form_map_is_rejected_at_any_depth_naming_the_field() {
        BadRequestException top = rejection("{\"attributes\":{\"age\":1e309}}", Attributes.class);
        BadRequestException deep = rejection("{\"attributes\":{\"a\":[{\"b\":-1e309}]}}", Attributes.class);

        assertThat(top.field()).isEqualTo("attributes.age");
        assertThat(top).hasMessage("not a finite number");
        assertThat(deep.field()).startsWith("attributes.a");
        assertThat(bodies.read("{\"attributes\":{\"age\":41.5,\"tags\":[\"x\",1,null,{\"k\":true}]}}",
                Attributes.class).attributes())
                .containsEntry("age", 41.5)
                .containsEntry("tags", java.util.Arrays.asList("x", 1, null, java.util.Map.of("k", true)));
    }

    @Test
    void a_tree_binds_under_the_same_rules() {
        var tree = bodies.tree("{\"customer\":\"c\",\"amount\":\"9\"}");

        assertThat(catchThrowableOfType(BadRequestException.class, () -> bodies.read(tree, Order.class)).field())
                .isEqualTo("amount");
        assertThat(bodies.read(bodies.tree("{\"customer\":\"c\"}"), Order.class).customer()).isEqualTo("c");
        assertThat(rejectionOfTree("[1]")).hasMessageContaining("JSON object");
        assertThat(rejectionOfTree("{\"a\":1e309}")).hasMessage("not a finite number");
    }

    @Test
    void an_integer_beyond_int_range_is_rejected() {
        assertThat(rejection("{\"customer\":\"c\",\"items\":[{\"id\":\"a\",\"quantity\":99999999999}]}", Order.class)
                .field()).isEqualTo("items[0].quantity");
    }

    @Test
    void a_record_constructor_rule_becomes_a_400_naming_the_field_by_its_path() {
        BadRequestException e = rejection("{\"rating\":{\"stars\":9}}", Holder.class);

        assertThat(e.field()).isEqualTo("rating.stars");
        assertThat(e).hasMessage("stars must be 1-5");
    }

    @Test
    void an_empty_body_is_rejected() {
        assertThat(rejection("", Order.class)).hasMessageContaining("empty");
        assertThat(rejection("  ", Order.class).field()).isNull();
    }

    @Test
    void a_json_null_body_is_rejected() {
        assertThat(rejection("null", Order.class)).hasMessageContaining("JSON object");
    }

    @Test
    void malformed_json_is_rejected_without_quoting_it() {
        BadRequestException e = rejection("{\"customer\": secret-value", Order.class);

        assertThat(e).hasMessage("request body is not valid JSON").hasMessageNotContaining("secret");
    }

    @Test
    void trailing_content_after_the_object_is_rejected() {
        assertThat(rejection("{\"customer\":\"c\"} {\"customer\":\"d\"}", Order.class)).isNotNull();
    }

    @Test
    void a_duplicate_key_is_rejected() {
        assertThat(rejection("{\"customer\":\"c\",\"customer\":\"d\"}", Order.class)).isNotNull();
    }

    private BadRequestException rejectionOfTree(String body) {
        return catchThrowableOfType(BadRequestException.class, () -> bodies.tree(body));
    }

    private BadRequestException rejection(String body, Class<?> type) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> bodies.read(body, type));
        assertThat(e).as("a BadRequestException for %s", body).isNotNull();
        return e;
    }
}
