package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.push.domain.Template;
import dev.hearken.testing.MutableClock;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The catalogue against moto: one query per template and cache period, misses included. */
class DynamoDbTemplateCatalogueTest {

    private static final Emulator EMULATOR = Emulator.shared();
    private static final String TABLE = "hearken-push-templates";

    private final AtomicInteger queries = new AtomicInteger();
    private final DynamoDbClient dynamo = EMULATOR.client(DynamoDbClient.builder()
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof QueryRequest) {
                        queries.incrementAndGet();
                    }
                }
            })));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T12:00:00Z"));
    private final DynamoDbTemplateCatalogue catalogue = new DynamoDbTemplateCatalogue(dynamo, TABLE,
            Duration.ofSeconds(60), clock);

    @BeforeAll
    static void provision() {
        TemplateProvisioner.fromClasspath().provision(EMULATOR.dynamo(), EMULATOR.sqs());
    }

    @Test
    void a_template_is_read_once_per_cache_period_and_again_after_it() {
        String id = "cached-" + UUID.randomUUID();
        put(id, "Hello");

        Optional<Template> first = catalogue.find(id);
        put(id, "Changed");
        Optional<Template> cached = catalogue.find(id);
        clock.advance(Duration.ofSeconds(61));
        Optional<Template> reread = catalogue.find(id);

        assertThat(queries).hasValue(2);
        assertThat(title(first)).isEqualTo("Hello");
        assertThat(title(cached)).isEqualTo("Hello");
        assertThat(title(reread)).isEqualTo("Changed");
    }

    @Test
    void a_missing_template_is_cached_as_missing() {
        String id = "missing-" + UUID.randomUUID();

        assertThat(catalogue.find(id)).isEmpty();
        assertThat(catalogue.find(id)).isEmpty();

        assertThat(queries).hasValue(1);
    }

    private static String title(Optional<Template> template) {
        return template.orElseThrow().resolve("en", null).orElseThrow().copy().title();
    }

    private void put(String id, String title) {
        EMULATOR.dynamo().putItem(b -> b.tableName(TABLE).item(Map.of(
                "templateId", AttributeValue.fromS(id), "locale", AttributeValue.fromS("en"),
                "variants", AttributeValue.fromM(Map.of(Template.DEFAULT_VARIANT, AttributeValue.fromM(Map.of(
                        "title", AttributeValue.fromS(title), "body", AttributeValue.fromS("Body"))))))));
    }

}
