package dev.hearken.ticket.admin;

import static dev.hearken.ticket.admin.AdminEvents.call;
import static dev.hearken.ticket.admin.AdminEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.ticket.admin.AdminEvents.Answer;
import dev.hearken.ticket.domain.Decision;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.Flag;
import dev.hearken.ticket.domain.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator API's two reads: a ticket's decisions as the worker logged them ({@code hearken-ticket-decisions},
 * written here with the worker's own {@link DecisionLog} adapter), and the audit trail by day.
 */
@QuarkusTest
@TestProfile(AdminExport.class)
class TicketLookupFunctionTest {

    private static final String DECISIONS = "/admin/tickets/{ticketId}/decisions";
    private static final String AUDIT = "/admin/audit";

    @Inject
    DecisionLog log;

    @Test
    void a_tickets_decisions_come_newest_first_with_every_reason_score_rule_and_model_version() {
        long ticketId = freshTicketId();
        log.decided(decision(ticketId, "trigger@2026-03-02T10:00:00Z", Instant.parse("2026-03-02T10:00:01Z")));
        log.done(ticketId, "trigger@2026-03-02T10:00:00Z");
        log.replyRequestedNow(ticketId, "trigger@2026-03-02T10:00:00Z");
        log.decided(followUp(ticketId, "evt-follow-up-1", Instant.parse("2026-03-02T12:30:00Z")));

        Answer answer = call(request("GET", DECISIONS, Map.of("ticketId", Long.toString(ticketId)), Map.of(), null,
                null));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.path("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(body.path("decisions").findValuesAsText("eventKey"))
                .containsExactly("evt-follow-up-1", "trigger@2026-03-02T10:00:00Z");
        JsonNode first = body.path("decisions").get(1);
        assertThat(first.path("stage").asText()).isEqualTo("DONE");
        assertThat(first.path("decidedAt").asText()).isEqualTo("2026-03-02T10:00:01Z");
        assertThat(first.path("ruleId").asText()).isEqualTo("how-to");
        assertThat(first.path("groupId").asLong()).isEqualTo(360000000204L);
        assertThat(first.path("modelVersion").asText()).isEqualTo("understanding-2026.03");
        assertThat(first.path("language").asText()).isEqualTo("en");
        assertThat(first.path("languageConfidence").asDouble()).isEqualTo(0.97);
        assertThat(first.path("intentConfidence").asDouble()).isEqualTo(0.91);
        assertThat(first.path("intentDetail").asText()).isEqualTo("cancel_subscription");
        assertThat(first.path("spamScore").asDouble()).isEqualTo(0.02);
        assertThat(first.path("sentiment").asDouble()).isEqualTo(-0.25);
        assertThat(first.path("autoReply").asBoolean()).isTrue();
        assertThat(texts(first.path("reasons"))).containsExactly("model:intent.model(how_to 0.91)",
                "routing:rule how-to matched intent=how_to language=en channel=web", "auto-reply:eligible");
        JsonNode followUp = body.path("decisions").get(0);
        assertThat(texts(followUp.path("flags"))).containsExactly("privacy");
        assertThat(followUp.path("ruleId").asText()).isEqualTo("privacy");
        assertThat(followUp.path("autoReply").asBoolean()).isFalse();
        assertThat(body.path("autoReplyRequested").path("requestedBy").asText())
                .isEqualTo("trigger@2026-03-02T10:00:00Z");
    }

    @Test
    void a_ticket_nothing_was_logged_for_is_a_404() {
        Answer answer = call(request("GET", DECISIONS, Map.of("ticketId", Long.toString(freshTicketId())), Map.of(),
                null, null));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("error").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "12.5", "99999999999999999999", "35501;drop", "ticket-35501"})
    void a_ticket_id_that_is_not_a_positive_integer_is_a_400_naming_ticket_id(String ticketId) {
        Answer answer = call(request("GET", DECISIONS, Map.of("ticketId", ticketId), Map.of(), null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo("ticketId");
    }

    @Test
    void the_audit_of_a_day_lists_every_kind_of_change_made_that_day_newest_first() {
        String ruleId = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String vipKey = "user:" + freshTicketId();
        call(request("PUT", "/admin/routing-rules/{ruleId}", Map.of("ruleId", ruleId), Map.of(),
                "{\"order\":900,\"tags\":[\"audited\"]}", null));
        call(request("PUT", "/admin/vips/{vipKey}", Map.of("vipKey", vipKey), Map.of(), "{}", null));
        call(request("DELETE", "/admin/routing-rules/{ruleId}", Map.of("ruleId", ruleId), Map.of(), null, "\"1\""));
        JsonNode created = call(request("GET", "/admin/routing-rules/{ruleId}/history", Map.of("ruleId", ruleId),
                Map.of(), null, null)).body().path("items").get(1);
        String day = created.path("at").asText().substring(0, 10);

        Answer answer = call(request("GET", AUDIT, Map.of(), Map.of("day", day, "limit", "500"), null, null));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("day").asText()).isEqualTo(day);
        List<String> entities = answer.body().path("items").findValuesAsText("entity");
        assertThat(entities).contains("routing-rule#" + ruleId, "vip#" + vipKey);
        assertThat(answer.body().path("items")).filteredOn(e -> e.path("entity").asText().equals("routing-rule#" + ruleId))
                .extracting(e -> e.path("action").asText()).containsExactly("delete", "create");
        call(request("DELETE", "/admin/vips/{vipKey}", Map.of("vipKey", vipKey), Map.of(), null, "\"1\""));
    }

    @Test
    void the_audit_defaults_to_today_and_honours_its_limit() {
        String before = LocalDate.now(ZoneOffset.UTC).toString();
        call(request("PUT", "/admin/vips/{vipKey}", Map.of("vipKey", "user:" + freshTicketId()), Map.of(), "{}", null));

        Answer answer = call(request("GET", AUDIT, Map.of(), Map.of("limit", "1"), null, null));

        String after = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("day").asText()).isIn(before, after);
        assertThat(answer.body().path("items")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"day,2026-13-02", "day,yesterday", "day,2026-3-2", "day,02/03/2026", "limit,0", "limit,501",
            "limit,ten", "limit,-5"})
    void an_audit_query_with_a_malformed_day_or_limit_is_a_400_naming_it(String name, String value) {
        Answer answer = call(request("GET", AUDIT, Map.of(), Map.of(name, value), null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(name);
    }

    /** A decision like the worker's for a new English how-to ticket, routed by {@code how-to} and eligible. */
    static Decision decision(long ticketId, String eventKey, Instant at) {
        return new Decision(ticketId, eventKey, "2026-03-02T09:59:58Z", "en", 0.97, "how_to", 0.91,
                "cancel_subscription", 0.02, -0.25, Set.of(),
                new Route("how-to", 360000000204L, List.of("hearken_classified", "how_to"), null, false, true,
                        List.of("rule how-to matched intent=how_to language=en channel=web")),
                true, "eligible", List.of("model:intent.model(how_to 0.91)",
                        "routing:rule how-to matched intent=how_to language=en channel=web", "auto-reply:eligible"),
                "understanding-2026.03", at);
    }

    private static Decision followUp(long ticketId, String eventKey, Instant at) {
        return new Decision(ticketId, eventKey, "2026-03-02T12:29:00Z", "en", 0.99, "privacy_request", 0.88, null,
                0.01, -0.4, Set.of(Flag.PRIVACY),
                new Route("privacy", 360000000101L, List.of("hearken_priority", "hearken_privacy"), "high", false,
                        false, List.of("flag privacy: rule privacy decides the group")),
                false, "follow-up raised [privacy]", List.of("rule:privacy.lexicon(personal data)"),
                "understanding-2026.03", at);
    }

    private static long freshTicketId() {
        return 8_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
