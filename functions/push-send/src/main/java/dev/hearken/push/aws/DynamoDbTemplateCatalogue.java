package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.s;
import static dev.hearken.push.aws.Items.string;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.EmailCopy;
import dev.hearken.push.domain.Template;
import dev.hearken.push.port.TemplateCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The template catalogue in {@code push-templates}: one item per (template, locale) —
 * {@code templateId} (partition), {@code locale} (sort, BCP 47), {@code experimentKey} (optional, on any
 * item of the template), {@code variants}: map of variant key → {@code {title, body}} (push copy), {@code email}: map of variant key
 * → {@code {subject, text, html?}} (e-mail copy). Either may be absent: a locale can have e-mail copy only.
 *
 * <p>A template's items are read with one query and kept for {@code cacheTtl} per warm function, so a
 * campaign of millions reads the catalogue once per instance and minute.
 */
public final class DynamoDbTemplateCatalogue implements TemplateCatalogue {

    private final DynamoDbClient dynamo;
    private final String table;
    /** A template that is not there is cached too: a message naming it is dead-lettered without a query each. */
    private final Cache<String, Optional<Template>> cache;

    /** @param clock the cache's time source (a test's fixed clock stops expiry) */
    public DynamoDbTemplateCatalogue(DynamoDbClient dynamo, String table, Duration cacheTtl, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public Optional<Template> find(String templateId) {
        return cache.get(templateId, this::load);
    }

    private Optional<Template> load(String templateId) {
        Map<String, Map<String, Copy>> copies = new LinkedHashMap<>();
        Map<String, Map<String, EmailCopy>> emails = new LinkedHashMap<>();
        String[] experiment = {null};
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("templateId = :t")
                        .expressionAttributeValues(Map.of(":t", s(templateId))))
                .items()
                .forEach(item -> {
                    if (string(item, "experimentKey") != null) {
                        experiment[0] = string(item, "experimentKey");
                    }
                    Map<String, Copy> variants = new LinkedHashMap<>();
                    AttributeValue v = item.get("variants");
                    if (v != null && v.hasM()) {
                        v.m().forEach((key, copy) -> {
                            if (copy.hasM()) {
                                variants.put(key, new Copy(string(copy.m(), "title"), string(copy.m(), "body")));
                            }
                        });
                    }
                    if (!variants.isEmpty() || item.get("email") == null) {
                        copies.put(string(item, "locale"), variants);
                    }
                    Map<String, EmailCopy> mails = new LinkedHashMap<>();
                    AttributeValue e = item.get("email");
                    if (e != null && e.hasM()) {
                        e.m().forEach((key, copy) -> {
                            if (copy.hasM() && string(copy.m(), "subject") != null && string(copy.m(), "text") != null) {
                                mails.put(key, new EmailCopy(string(copy.m(), "subject"), string(copy.m(), "text"),
                                        string(copy.m(), "html")));
                            }
                        });
                    }
                    if (!mails.isEmpty()) {
                        emails.put(string(item, "locale"), mails);
                    }
                });
        return copies.isEmpty() && emails.isEmpty() ? Optional.empty()
                : Optional.of(new Template(templateId, experiment[0], copies, emails));
    }
}
