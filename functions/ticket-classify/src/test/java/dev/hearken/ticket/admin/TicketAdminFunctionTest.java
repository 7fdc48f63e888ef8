package dev.hearken.ticket.admin;

import static dev.hearken.ticket.admin.AdminEvents.OPERATOR;
import static dev.hearken.ticket.admin.AdminEvents.call;
import static dev.hearken.ticket.admin.AdminEvents.request;
import static dev.hearken.ticket.admin.AdminEvents.sample;
import static dev.hearken.ticket.admin.AdminEvents.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.Events;
import dev.hearken.ticket.admin.AdminEvents.Answer;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.Facts;
import dev.hearken.ticket.domain.Flag;
import dev.hearken.ticket.domain.ReplyPolicy;
import dev.hearken.ticket.domain.Requester;
import dev.hearken.ticket.domain.Route;
import dev.hearken.ticket.domain.Router;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.ticket.domain.RoutingRules;
import dev.hearken.ticket.domain.VipDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routing rules and VIPs of the operator API end to end: the {@code events/ticket-admin/} samples and variants
 * through the Lambda mock event server, the tables provisioned from the CDK template with the shipped seeds, and
 * what an operator writes read back by the worker's own adapters.
 */
@QuarkusTest
@TestProfile(AdminExport.class)
class TicketAdminFunctionTest {

    private static final String RULES = "/admin/routing-rules";
    private static final String RULE = "/admin/routing-rules/{ruleId}";
    private static final String VIPS = "/admin/vips";
    private static final String VIP = "/admin/vips/{vipKey}";

    @Inject
    DecisionLog log;
    @Inject
    RoutingRules rules;
    @Inject
    VipDirectory vipDirectory;
    @Inject
    TicketSettings settings;

    @Test
    void every_sample_answers_what_its_name_promises_and_replaying_them_again_answers_the_same() throws IOException {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("audit-invalid-day", 400), Map.entry("audit-today", 200),
                Map.entry("decisions-invalid-ticket-id", 400), Map.entry("decisions-ticket-35501", 200),
                Map.entry("decisions-unknown-ticket", 404),
                Map.entry("routing-rule-create", 201), Map.entry("routing-rule-delete", 204),
                Map.entry("routing-rule-invalid-auto-reply-on-privacy", 400), Map.entry("routing-rule-privacy", 200),
                Map.entry("routing-rule-privacy-history", 200), Map.entry("routing-rules-list", 200),
                Map.entry("routing-rules-missing-signature", 401),
                Map.entry("vip-create", 201), Map.entry("vip-delete", 204), Map.entry("vip-invalid-key", 400),
                Map.entry("vips-list", 200));
        log.decided(TicketLookupFunctionTest.decision(35501, "trigger@2026-03-02T10:00:00Z",
                Instant.parse("2026-03-02T10:00:01Z")));
        List<String> scenarios;
        try (Stream<Path> files = Files.list(Events.path("ticket-admin", "audit-today").getParent())) {
            scenarios = files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        assertThat(scenarios).containsExactlyInAnyOrderElementsOf(expected.keySet());

        for (int replay = 1; replay <= 2; replay++) {
            for (String scenario : scenarios) {
                assertThat(call(sample(scenario)).status()).as(scenario + ", replay " + replay)
                        .isEqualTo(expected.get(scenario));
            }
        }
    }

    @Test
    void an_operator_creates_reads_updates_and_deletes_a_rule_and_its_history_says_who_did_what() {
        String id = unique("billing-es");

        Answer created = call(request("POST", RULES, Map.of(), Map.of(), "{\"ruleId\":\"" + id + "\",\"order\":105,"
                + "\"intents\":[\"subscription_billing\"],\"languages\":[\"es\"],\"groupId\":360000000201,"
                + "\"tags\":[\"billing\",\"spanish\"],\"autoReply\":true,\"note\":\"test rule\"}", null));
        Answer read = call(request("GET", RULE, Map.of("ruleId", id), Map.of(), null, null));
        Answer updated = call(request("PUT", RULE, Map.of("ruleId", id), Map.of(), "{\"order\":106,"
                + "\"intents\":[\"subscription_billing\"],\"languages\":[\"es\"],\"groupId\":360000000201,"
                + "\"tags\":[\"billing\"],\"autoReply\":false}", "\"1\""));
        Answer listed = call(request("GET", RULES, Map.of(), Map.of(), null, null));
        Answer deleted = call(request("DELETE", RULE, Map.of("ruleId", id), Map.of(), null, "\"2\""));
        Answer gone = call(request("GET", RULE, Map.of("ruleId", id), Map.of(), null, null));
        Answer history = call(request("GET", RULE + "/history", Map.of("ruleId", id), Map.of(), null, null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("etag", "\"1\"");
        assertThat(read.body().path("languages").get(0).asText()).isEqualTo("es");
        assertThat(read.body().path("updatedBy").asText()).isEqualTo(OPERATOR);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("version").asInt()).isEqualTo(2);
        assertThat(updated.body().path("autoReply").asBoolean()).isFalse();
        assertThat(updated.body().has("note")).isFalse();
        assertThat(listed.body().path("items").findValuesAsText("ruleId")).contains(id, "privacy", "default");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(history.body().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("delete", "update", "create");
        assertThat(history.body().path("items")).allSatisfy(e -> assertThat(e.path("author").asText())
                .isEqualTo(OPERATOR));
        assertThat(history.body().path("items").get(1).path("before").path("order").asInt()).isEqualTo(105);
        assertThat(history.body().path("items").get(1).path("after").path("order").asInt()).isEqualTo(106);
    }

    @Test
    void a_rule_written_through_the_api_is_what_the_worker_reads_and_routes_with() {
        String id = unique("web-how-to");
        call(request("PUT", RULE, Map.of("ruleId", id), Map.of(), "{\"order\":1,\"intents\":[\"how_to\"],"
                + "\"channels\":[\"" + id.replace('-', '_') + "\"],\"groupId\":42,\"tags\":[\"operator_rule\"],"
                + "\"priority\":\"low\",\"autoReply\":true}", null));
        try {
            List<RoutingRule> read = rules.all();
            Facts howTo = new Facts("en", "how_to", 0.95, id.replace('-', '_'), false, Set.of());
            Route route = new Router().route(howTo, read);

            assertThat(read).contains(new RoutingRule(id, 1, null, List.of("how_to"), List.of(),
                    List.of(id.replace('-', '_')), 42L, List.of("operator_rule"), "low", true));
            assertThat(route.ruleId()).isEqualTo(id);
            assertThat(route.groupId()).isEqualTo(42L);
            assertThat(policy().judge(howTo, route).eligible()).isTrue();
        } finally {
            call(request("DELETE", RULE, Map.of("ruleId", id), Map.of(), null, "\"1\""));
        }
    }

    @Test
    void an_operators_auto_reply_rule_that_matches_a_privacy_ticket_still_cannot_answer_it() {
        String id = unique("answer-all");
        String channel = id.replace('-', '_');
        Answer written = call(request("PUT", RULE, Map.of("ruleId", id), Map.of(), "{\"order\":0,"
                + "\"channels\":[\"" + channel + "\"],\"groupId\":42,\"autoReply\":true}", null));
        try {
            Facts privacy = new Facts("en", "how_to", 0.99, channel, false, Set.of(Flag.PRIVACY));
            Facts plain = new Facts("en", "how_to", 0.99, channel, false, Set.of());
            List<RoutingRule> read = rules.all();

            assertThat(written.status()).isEqualTo(201);
            assertThat(policy().judge(plain, new Router().route(plain, read)).eligible()).isTrue();
            Route route = new Router().route(privacy, read);
            assertThat(route.ruleId()).isEqualTo("privacy");
            assertThat(policy().judge(privacy, route).eligible()).isFalse();
        } finally {
            call(request("DELETE", RULE, Map.of("ruleId", id), Map.of(), null, "\"1\""));
        }
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                Arguments.of("{\"order\":10,\"flag\":\"privacy\",\"autoReply\":true}", "autoReply"),
                Arguments.of("{\"order\":100,\"intents\":[\"legal\"],\"autoReply\":true}", "autoReply"),
                Arguments.of("{\"flag\":\"privacy\",\"groupId\":1}", "order"),
                Arguments.of("{\"order\":\"ten\",\"groupId\":1}", "order"),
                Arguments.of("{\"order\":10,\"flag\":\"urgent\"}", "flag"),
                Arguments.of("{\"order\":10,\"intents\":[\"weather\"]}", "intents"),
                Arguments.of("{\"order\":10,\"intents\":\"how_to\"}", "intents"),
                Arguments.of("{\"order\":10,\"groupId\":-5}", "groupId"),
                Arguments.of("{\"order\":10,\"groupId\":\"360000000201\"}", "groupId"),
                Arguments.of("{\"order\":10,\"tags\":[\"two words\"]}", "tags"),
                Arguments.of("{\"order\":10,\"tags\":[\"hearken_privacy\"]}", "tags"),
                Arguments.of("{\"order\":10,\"priority\":\"asap\"}", "priority"),
                Arguments.of("{\"order\":10,\"languages\":[\"english\"]}", "languages"),
                Arguments.of("{\"order\":10,\"note\":\"" + "x".repeat(501) + "\"}", "note"),
                Arguments.of("{\"order\":10,\"colour\":\"red\"}", "colour"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidRules")
    void a_rule_the_worker_could_not_use_is_refused_on_create_and_on_update_naming_the_field_and_nothing_is_written(
            String body, String field) {
        String id = unique("invalid");
        ObjectNode withKey = AdminEvents.read(body).put("ruleId", id);

        Answer created = call(request("POST", RULES, Map.of(), Map.of(), withKey.toString(), null));
        Answer put = call(request("PUT", RULE, Map.of("ruleId", id), Map.of(), body, null));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.field()).isEqualTo(field);
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.field()).isEqualTo(field);
        assertThat(call(request("GET", RULE, Map.of("ruleId", id), Map.of(), null, null)).status()).isEqualTo(404);
        assertThat(call(request("GET", RULE + "/history", Map.of("ruleId", id), Map.of(), null, null)).body()
                .path("items")).isEmpty();
    }

    @Test
    void an_update_based_on_a_stale_version_is_a_409_and_the_newer_rule_stands() {
        String id = unique("stale");
        Map<String, String> key = Map.of("ruleId", id);
        call(request("PUT", RULE, key, Map.of(), "{\"order\":500,\"tags\":[\"v1\"]}", null));
        call(request("PUT", RULE, key, Map.of(), "{\"order\":500,\"tags\":[\"v2\"]}", "\"1\""));

        Answer stale = call(request("PUT", RULE, key, Map.of(), "{\"order\":500,\"tags\":[\"lost\"]}", "\"1\""));
        Answer staleDelete = call(request("DELETE", RULE, key, Map.of(), null, "\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(staleDelete.status()).isEqualTo(409);
        assertThat(call(request("GET", RULE, key, Map.of(), null, null)).body().path("tags").get(0).asText())
                .isEqualTo("v2");
        call(request("DELETE", RULE, key, Map.of(), null, "\"2\""));
    }

    @Test
    void a_vip_added_through_the_api_is_found_by_the_worker_and_no_longer_once_removed() {
        long userId = 9_200_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String key = "user:" + userId;
        Requester requester = new Requester(userId, null, "en", null);

        Answer created = call(request("POST", VIPS, Map.of(), Map.of(),
                "{\"vipKey\":\"" + key + "\",\"note\":\"creator with 2M followers\"}", null));
        boolean vipWhileListed = vipDirectory.isVip(requester, null);
        Answer updated = call(request("PUT", VIP, Map.of("vipKey", key), Map.of(), "{\"note\":\"creator\"}", "\"1\""));
        Answer deleted = call(request("DELETE", VIP, Map.of("vipKey", key), Map.of(), null, "\"2\""));
        Answer history = call(request("GET", VIP + "/history", Map.of("vipKey", key), Map.of(), null, null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(vipWhileListed).isTrue();
        assertThat(updated.body().path("note").asText()).isEqualTo("creator");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(vipDirectory.isVip(requester, null)).isFalse();
        assertThat(history.body().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("delete", "update", "create");
    }

    @Test
    void a_vip_by_address_is_found_for_a_requester_whose_address_zendesk_holds_in_another_case() {
        String address = unique("vip") + "@example.com";
        call(request("PUT", VIP, Map.of("vipKey", "email:" + address), Map.of(), "{}", null));
        try {
            assertThat(vipDirectory.isVip(new Requester(1, address.toUpperCase(), "en", null), null)).isTrue();
        } finally {
            call(request("DELETE", VIP, Map.of("vipKey", "email:" + address), Map.of(), null, "\"1\""));
        }
    }

    static Stream<Arguments> invalidVips() {
        return Stream.of(
                Arguments.of("user:abc", "{}", "vipKey"),
                Arguments.of("user:0", "{}", "vipKey"),
                Arguments.of("org:0042", "{}", "vipKey"),
                Arguments.of("email:Press@Example.com", "{}", "vipKey"),
                Arguments.of("email:press", "{}", "vipKey"),
                Arguments.of("phone:5550100", "{}", "vipKey"),
                Arguments.of("user:9100000000123", "{\"note\":5}", "note"),
                Arguments.of("user:9100000000123", "{\"note\":\"" + "x".repeat(501) + "\"}", "note"),
                Arguments.of("user:9100000000123", "{\"name\":\"Ana\"}", "name"));
    }

    @ParameterizedTest(name = "{2}: {0} {1}")
    @MethodSource("invalidVips")
    void a_vip_the_directory_would_never_find_is_refused_naming_the_field_and_nothing_is_written(String key,
            String body, String field) {
        Answer created = call(request("POST", VIPS, Map.of(), Map.of(),
                AdminEvents.read(body).put("vipKey", key).toString(), null));
        Answer put = call(request("PUT", VIP, Map.of("vipKey", key), Map.of(), body, null));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.field()).isEqualTo(field);
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.field()).isEqualTo(field);
        assertThat(call(request("GET", VIP, Map.of("vipKey", key), Map.of(), null, null)).status()).isEqualTo(404);
    }

    @Test
    void a_vip_change_based_on_a_stale_version_is_a_409() {
        String key = "email:" + unique("stale") + "@example.com";
        call(request("PUT", VIP, Map.of("vipKey", key), Map.of(), "{\"note\":\"first\"}", null));
        call(request("PUT", VIP, Map.of("vipKey", key), Map.of(), "{\"note\":\"second\"}", "\"1\""));

        Answer stale = call(request("PUT", VIP, Map.of("vipKey", key), Map.of(), "{\"note\":\"lost\"}", "\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("error").asText()).isEqualTo("version_conflict");
        call(request("DELETE", VIP, Map.of("vipKey", key), Map.of(), null, "\"2\""));
    }

    @Test
    void without_an_iam_caller_every_route_is_a_401_and_nothing_is_written() {
        String id = unique("unsigned");
        List<ObjectNode> requests = List.of(
                request("GET", RULES, Map.of(), Map.of(), null, null),
                request("POST", RULES, Map.of(), Map.of(), "{\"ruleId\":\"" + id + "\",\"order\":1}", null),
                request("PUT", RULE, Map.of("ruleId", id), Map.of(), "{\"order\":1}", null),
                request("DELETE", RULE, Map.of("ruleId", "privacy"), Map.of(), null, "\"0\""),
                request("GET", VIPS, Map.of(), Map.of(), null, null),
                request("PUT", VIP, Map.of("vipKey", "user:9100000000321"), Map.of(), "{}", null),
                request("GET", "/admin/tickets/{ticketId}/decisions", Map.of("ticketId", "35501"), Map.of(), null,
                        null),
                request("GET", "/admin/audit", Map.of(), Map.of(), null, null));

        for (ObjectNode event : requests) {
            Answer answer = call(unsigned(event));
            assertThat(answer.status()).as(event.path("routeKey").asText()).isEqualTo(401);
            assertThat(answer.body().path("error").asText()).isEqualTo("unauthenticated");
        }
        assertThat(call(request("GET", RULE, Map.of("ruleId", id), Map.of(), null, null)).status()).isEqualTo(404);
        assertThat(call(request("GET", RULE, Map.of("ruleId", "privacy"), Map.of(), null, null)).status())
                .isEqualTo(200);
        assertThat(call(request("GET", VIP, Map.of("vipKey", "user:9100000000321"), Map.of(), null, null)).status())
                .isEqualTo(404);
    }

    /**
     * Operator write and decision lookup latency, in process: mock event server → handler → moto and back. A write
     * is a versioned update of one rule (a read, then one transaction of the item and its audit entry); a lookup
     * reads a ticket with five logged decisions and its auto-reply marker.
     */
    @Test
    @Tag("benchmark")
    @EnabledIfSystemProperty(named = "hearken.bench", matches = "true")
    void benchmark_operator_write_and_decision_lookup_p95() {
        int n = Integer.getInteger("hearken.bench.requests", 200);
        int warmUp = 20;
        String id = unique("bench");
        Map<String, String> key = Map.of("ruleId", id);
        call(request("PUT", RULE, key, Map.of(), "{\"order\":2000,\"tags\":[\"bench\"]}", null));
        List<Long> writes = new ArrayList<>();
        for (int version = 1; version <= n + warmUp; version++) {
            ObjectNode event = request("PUT", RULE, key, Map.of(), "{\"order\":2000,\"tags\":[\"bench_" + version
                    + "\"]}", "\"" + version + "\"");
            long start = System.nanoTime();
            assertThat(call(event).status()).isEqualTo(200);
            if (version > warmUp) {
                writes.add(System.nanoTime() - start);
            }
        }
        call(request("DELETE", RULE, key, Map.of(), null, "\"" + (n + warmUp + 1) + "\""));

        long ticketId = 7_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        for (int i = 0; i < 5; i++) {
            log.decided(TicketLookupFunctionTest.decision(ticketId, "evt-bench-" + i,
                    Instant.parse("2026-03-02T10:00:00Z").plusSeconds(60L * i)));
        }
        log.replyRequestedNow(ticketId, "evt-bench-0");
        List<Long> lookups = new ArrayList<>();
        for (int i = 0; i < n + warmUp; i++) {
            ObjectNode event = request("GET", "/admin/tickets/{ticketId}/decisions",
                    Map.of("ticketId", Long.toString(ticketId)), Map.of(), null, null);
            long start = System.nanoTime();
            assertThat(call(event).body().path("decisions")).hasSize(5);
            if (i >= warmUp) {
                lookups.add(System.nanoTime() - start);
            }
        }
        System.out.println("BENCH ticket-admin write (versioned PUT of a rule): " + percentiles(writes));
        System.out.println("BENCH ticket-admin decision lookup (5 decisions): " + percentiles(lookups));
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return String.format(java.util.Locale.ROOT, "%d requests, p50 %.1f ms, p95 %.1f ms, max %.1f ms", n,
                sorted.get(n / 2) / 1e6, sorted.get((int) Math.ceil(n * 0.95) - 1) / 1e6, sorted.get(n - 1) / 1e6);
    }

    private ReplyPolicy policy() {
        return new ReplyPolicy(settings.autoReplyThreshold(), settings.autoReplyIntents());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
