package dev.hearken.ticket.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.Events;
import dev.hearken.testing.NativeReflection;
import dev.hearken.ticket.config.TicketBeans;
import dev.hearken.ticket.domain.TicketEvent;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebhookPayloads payloads = new WebhookPayloads(JSON);

    @Test
    void a_trigger_body_is_read_leniently_from_its_rendered_strings() throws Exception {
        TicketEvent event = payloads.parse(body("webhook-trigger-subscription-cancel"));

        assertThat(event.ticketId()).isEqualTo(35501);
        assertThat(event.kind()).isEqualTo("trigger");
        assertThat(event.eventKey()).matches("trigger@2026-03-02T09:14Z#[0-9a-f]{16}");
        assertThat(event.tags()).containsExactly("billing", "premium_monthly", "web_form");
        assertThat(event.channel()).isEqualTo("web_form");
        assertThat(event.localeHint()).isEqualTo("English");
    }

    @Test
    void two_trigger_updates_of_one_ticket_in_the_same_minute_have_two_identities_and_a_redelivery_keeps_its_own() throws Exception {
        // given: the sample, and a second update of the same ticket in the same minute (an agent added a tag)
        String first = body("webhook-trigger-subscription-cancel");
        String second = first.replace("\"tags\": \"billing premium_monthly web_form\"",
                "\"tags\": \"billing premium_monthly web_form vip_candidate\"");
        assertThat(second).isNotEqualTo(first);

        // when
        String firstKey = payloads.parse(first).eventKey();
        String secondKey = payloads.parse(second).eventKey();
        String redelivered = payloads.parse(first).eventKey();

        // then: never merged, never doubled
        assertThat(firstKey).startsWith("trigger@2026-03-02T09:14Z#");
        assertThat(secondKey).startsWith("trigger@2026-03-02T09:14Z#").isNotEqualTo(firstKey);
        assertThat(redelivered).isEqualTo(firstKey);
    }

    @Test
    void a_trigger_updated_at_with_seconds_is_kept_whole_in_the_identity() throws Exception {
        String body = body("webhook-trigger-subscription-cancel");
        String at07 = body.replace("2026-03-02T09:14Z", "2026-03-02T09:14:07Z");
        String at41 = body.replace("2026-03-02T09:14Z", "2026-03-02T09:14:41Z");

        assertThat(payloads.parse(at07).eventKey()).startsWith("trigger@2026-03-02T09:14:07Z#");
        assertThat(payloads.parse(at41).eventKey()).startsWith("trigger@2026-03-02T09:14:41Z#");
    }

    @Test
    void a_trigger_without_updated_at_is_known_by_its_content_alone() throws Exception {
        String body = body("webhook-trigger-subscription-cancel").replace("\"updated_at\": \"2026-03-02T09:14Z\"",
                "\"updated_at\": \"\"");

        assertThat(payloads.parse(body).eventKey()).matches("trigger@sha256:[0-9a-f]{32}");
    }

    @Test
    void an_event_subscription_body_has_string_ids_and_its_event_id_is_the_idempotency_key() throws Exception {
        TicketEvent event = payloads.parse(body("webhook-event-ticket-created"));

        assertThat(event.ticketId()).isEqualTo(35502);
        assertThat(event.kind()).isEqualTo("zen:event-type:ticket.created");
        assertThat(event.eventKey()).isEqualTo("00000000-0000-4000-8000-000000035502");
        assertThat(event.channel()).isEqualTo("mobile_sdk");
        assertThat(event.tags()).containsExactly("ios", "login");
    }

    @Test
    void a_comment_added_event_names_its_comment_and_its_event_id_is_the_idempotency_key() throws Exception {
        TicketEvent event = payloads.parse(body("webhook-event-comment-added-privacy"));

        assertThat(event.ticketId()).isEqualTo(35507);
        assertThat(event.kind()).isEqualTo("zen:event-type:ticket.comment_added");
        assertThat(event.isCommentAdded()).isTrue();
        assertThat(event.eventKey()).isEqualTo("00000000-0000-4000-8000-000042000001");
        assertThat(event.commentId()).isEqualTo(42000000001L);
        assertThat(event.channel()).isEqualTo("web");
        assertThat(event.tags()).contains("hearken_intent_how_to", "how_to");
    }

    @Test
    void a_numeric_comment_id_is_read_and_a_missing_or_odd_one_means_the_event_names_no_comment() throws Exception {
        String sample = body("webhook-event-comment-added-privacy");

        assertThat(payloads.parse(sample.replace("\"id\":\"42000000001\"", "\"id\":42000000001")).commentId())
                .isEqualTo(42000000001L);
        assertThat(payloads.parse(sample.replace("\"id\":\"42000000001\"", "\"id\":\"c-1\"")).commentId()).isNull();
        assertThat(payloads.parse(sample.replaceFirst("\"event\":\\{.*?\"is_public\":true}}", "\"event\":{}"))
                .commentId()).isNull();
        TicketEvent created = payloads.parse(body("webhook-event-ticket-created"));
        assertThat(created.isCommentAdded()).isFalse();
        assertThat(created.commentId()).isNull();
    }

    @Test
    void truncated_json_non_objects_missing_or_non_numeric_ids_and_non_ticket_events_are_invalid() throws Exception {
        for (String bad : new String[] {
                body("webhook-malformed-json"), "[]", "{}", "{\"ticket_id\":\"abc\"}", "{\"ticket_id\":\"-3\"}",
                "{\"type\":\"zen:event-type:user.created\",\"id\":\"1\",\"detail\":{\"id\":\"5\"}}",
                "{\"type\":\"zen:event-type:ticket.created\",\"detail\":{\"id\":\"5\"}}"}) {
            assertThatThrownBy(() -> payloads.parse(bad)).as(bad)
                    .isInstanceOf(WebhookPayloads.InvalidPayloadException.class);
        }
    }

    @Test
    void a_body_with_a_key_twice_or_a_second_value_after_it_is_invalid_because_it_names_no_one_ticket() {
        for (String bad : new String[] {
                "{\"ticket_id\":\"35501\",\"ticket_id\":\"35502\"}",
                "{\"ticket_id\":\"35501\",\"description\":\"a\",\"description\":\"b\"}",
                "{\"ticket_id\":\"35501\"} {\"ticket_id\":\"35502\"}"}) {
            assertThatThrownBy(() -> payloads.parse(bad)).as(bad)
                    .isInstanceOf(WebhookPayloads.InvalidPayloadException.class);
        }
    }

    @Test
    void unknown_fields_are_ignored_and_ids_may_be_numbers() {
        TicketEvent event = payloads.parse("{\"type\":\"zen:event-type:ticket.created\",\"id\":7,\"new_field\":{\"x\":[1]},"
                + "\"detail\":{\"id\":5158,\"tags\":[\"ios\"],\"via\":{\"channel\":\"WEB\",\"source\":{}}}}");

        assertThat(event.ticketId()).isEqualTo(5158);
        assertThat(event.eventKey()).isEqualTo("7");
        assertThat(event.channel()).isEqualTo("web");
        assertThat(event.tags()).containsExactly("ios");
    }

    @Test
    void a_field_of_the_wrong_json_type_is_invalid_and_named() {
        assertThatThrownBy(() -> payloads.parse("{\"ticket_id\":{\"id\":1}}"))
                .isInstanceOf(WebhookPayloads.InvalidPayloadException.class)
                .hasMessageContaining("ticket_id");
    }

    @Test
    void every_record_the_payload_binds_to_is_registered_for_the_native_image() {
        NativeReflection.assertRegistered(TicketBeans.class, WebhookPayloads.Delivery.class);
    }

    private static String body(String sample) throws Exception {
        return JSON.readTree(Events.load("ticket-classify", sample)).path("body").asText();
    }
}
