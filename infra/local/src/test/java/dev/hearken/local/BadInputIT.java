package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bad-input corpus ({@code events/bad-input/routes.json}, {@link BadInputCorpus}) against every route of the
 * template as deployed: the real function artifacts behind the local HTTP API (the system the ITs share), nothing
 * reading the queues meanwhile. Each
 * invalid request must get a 4xx with the one JSON error shape, and afterwards no queue holds a message it did not
 * hold before, no table changed, and no function log holds a canary (personal data of a request) or a line a
 * CR/LF in a request forged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedLocalSystem.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Variants every route must have at least. */
    private static final int MIN_VARIANTS = 15;

    private static LocalSystem system;
    private static HttpGateway gateway;
    private static BadInputCorpus corpus;
    private static Map<String, Long> queuesBefore;
    private static Map<String, Set<Map<String, AttributeValue>>> tablesBefore;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(SharedLocalSystem.Started started) throws Exception {
        system = started.system();
        system.stopPolling();
        gateway = system.gateway(0);
        corpus = BadInputCorpus.load(RepositoryRoot.get().resolve("events/bad-input/routes.json"));
        queuesBefore = queueDepths();
        tablesBefore = tables();
    }

    @AfterAll
    static void pollAgain() {
        if (system != null) {
            system.startPolling();
        }
    }

    @Test
    @Order(1)
    void every_route_of_the_template_has_a_corpus_entry_and_every_entry_a_route() {
        assertThat(corpus.routeKeys())
                .as("events/bad-input/routes.json must have one entry per route of the template")
                .containsExactlyInAnyOrderElementsOf(system.routeKeys());
    }

    @Test
    @Order(2)
    void every_route_has_at_least_fifteen_invalid_variants() {
        Map<String, Integer> counts = new TreeMap<>();
        corpus.routeKeys().forEach(r -> counts.put(r, corpus.variants(r, Instant.now()).size()));

        System.out.println("bad-input corpus: " + counts.values().stream().mapToInt(Integer::intValue).sum()
                + " variants over " + counts.size() + " routes " + counts);
        assertThat(counts).allSatisfy((route, n) -> assertThat(n).as(route).isGreaterThanOrEqualTo(MIN_VARIANTS));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> every_invalid_request_is_refused_with_a_4xx_json_error() {
        return corpus.routeKeys().stream().filter(system.routeKeys()::contains)
                .flatMap(route -> corpus.variants(route, Instant.now()).stream())
                .map(v -> DynamicTest.dynamicTest(v.toString(), () -> assertRefused(v, send(v))));
    }

    @Test
    @Order(4)
    void nothing_was_enqueued() {
        assertThat(queueDepths()).isEqualTo(queuesBefore);
    }

    @Test
    @Order(5)
    void nothing_was_written() {
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    @Order(6)
    void no_log_line_holds_personal_data_of_a_request_or_was_forged() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String function : system.functionNames()) {
            try (Stream<String> lines = Files.lines(system.process(function).log(), StandardCharsets.UTF_8)) {
                lines.filter(l -> l.contains(BadInputCorpus.CANARY) || l.startsWith(BadInputCorpus.FORGED)
                                || l.contains("\u0000"))
                        .forEach(l -> offending.add(function + ": " + l));
            }
        }

        assertThat(offending).isEmpty();
    }

    @Test
    @Order(7)
    void every_function_process_is_still_running() {
        assertThat(system.functionNames()).allSatisfy(f -> assertThat(system.process(f).alive()).as(f).isTrue());
    }

    private static HttpResponse<String> send(BadInputCorpus.Variant v) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + v.path()
                        + (v.query().isEmpty() ? "" : "?" + v.query())))
                .timeout(HttpGateway.TIMEOUT)
                .method(v.method(), v.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(v.body()));
        v.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(BadInputCorpus.Variant v, HttpResponse<String> response) throws IOException {
        String body = response.body();
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (v.expect() == BadInputCorpus.ANY_4XX) {
            assertThat(response.statusCode()).as(shown).isBetween(400, 499);
        } else {
            assertThat(response.statusCode()).as(shown).isEqualTo(v.expect());
        }
        assertThat(response.headers().firstValue("content-type")).as(shown)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(body);
        assertThat(error.path("error").isTextual()).as(shown).isTrue();
        assertThat(error.path("message").isTextual()).as(shown).isTrue();
        assertThat(error.path("field").isMissingNode() || error.path("field").isTextual()).as(shown).isTrue();
    }

    /** Messages in each queue, visible, in flight and delayed. */
    private static Map<String, Long> queueDepths() {
        Map<String, Long> depths = new TreeMap<>();
        system.queueUrls().forEach((name, url) -> {
            Map<QueueAttributeName, String> a = system.emulator().sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            depths.put(name, a.values().stream().mapToLong(Long::parseLong).sum());
        });
        return depths;
    }

    /** Every item of every table. */
    private static Map<String, Set<Map<String, AttributeValue>>> tables() {
        Map<String, Set<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
        for (String table : new TreeSet<>(system.tableNames())) {
            Set<Map<String, AttributeValue>> items = new HashSet<>();
            system.emulator().dynamo().scanPaginator(b -> b.tableName(table).consistentRead(true))
                    .items().forEach(items::add);
            tables.put(table, items);
        }
        return tables;
    }
}
