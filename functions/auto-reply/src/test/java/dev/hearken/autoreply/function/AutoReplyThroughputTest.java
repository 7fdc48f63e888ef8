package dev.hearken.autoreply.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replies per second of one function instance against the Zendesk fake answering every call after
 * 50 ms, DynamoDB in the local emulator. Run it on purpose (it prints the number):
 * {@code ./mvnw -pl functions/auto-reply verify -Dtest=AutoReplyThroughputTest -Dhearken.bench=true}
 * ({@code -Dhearken.bench.replies=N} to change the count, default 100).
 */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
@Tag("benchmark")
@EnabledIfSystemProperty(named = "hearken.bench", matches = "true")
class AutoReplyThroughputTest {

    private static final long FIRST_TICKET = 70000;

    @Test
    void replies_per_second_with_50_ms_zendesk_latency() {
        int replies = Integer.getInteger("hearken.bench.replies", 100);
        ZendeskFake zendesk = AutoReplyResource.zendesk();
        List<String> records = new ArrayList<>();
        for (long id = FIRST_TICKET; id < FIRST_TICKET + replies + 10; id++) {
            zendesk.putTicket("""
                    {"id":%d,"status":"new","priority":"normal","tags":[],"requester_id":9100000000116,
                     "updated_at":"2026-03-02T10:30:00Z","subject":"Export","description":"How do I export?"}""".formatted(id));
            records.add(record(id));
        }
        // warm-up: 10 replies without latency (JIT, connection pools, caches)
        invoke(records.subList(replies, replies + 10));
        zendesk.inject(Fault.slow("/api/v2/", Integer.MAX_VALUE, Duration.ofMillis(50)));
        try {
            long start = System.nanoTime();
            for (int i = 0; i < replies; i += 10) {
                invoke(records.subList(i, Math.min(replies, i + 10))); // batches of 10, as an ESM delivers
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "auto-reply throughput: %d replies in %.2f s = %.1f replies/s "
                    + "(Zendesk latency 50 ms per call, 4 calls per reply, comments read in parallel)%n", replies, seconds, replies / seconds);
            assertThat(zendesk.updatesOf(FIRST_TICKET)).hasSize(1);
        } finally {
            zendesk.reset();
        }
    }

    private static void invoke(List<String> records) {
        String event = "{\"Records\":[" + String.join(",", records) + "]}";
        List<Object> failures = given().contentType("application/json").body(event).when().post()
                .then().statusCode(200).extract().jsonPath().getList("batchItemFailures");
        assertThat(failures).isEmpty();
    }

    private static String record(long id) {
        String body = ("{\\\"version\\\":1,\\\"requestId\\\":\\\"zendesk:%d\\\",\\\"source\\\":\\\"zendesk\\\",\\\"itemId\\\":\\\"%d\\\","
                + "\\\"language\\\":\\\"en\\\",\\\"locale\\\":\\\"en-US\\\",\\\"intent\\\":\\\"subscription_billing\\\","
                + "\\\"intentConfidence\\\":0.9,\\\"decidedAt\\\":\\\"2026-03-02T10:30:05Z\\\",\\\"modelVersion\\\":\\\"v1\\\"}")
                .formatted(id, id);
        return "{\"messageId\":\"bench-%d\",\"receiptHandle\":\"rh-%d\",\"body\":\"%s\",\"attributes\":{},\"messageAttributes\":{},\"eventSource\":\"aws:sqs\"}"
                .formatted(id, id, body);
    }
}
