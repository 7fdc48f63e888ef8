package dev.hearken.push.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.EmailCopy;
import dev.hearken.push.domain.InvalidTemplateException;
import dev.hearken.push.domain.PushTemplateRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /admin/push-templates/{templateId}/{locale}}: one locale of a template, in exactly the item shape
 * {@code DynamoDbTemplateCatalogue} reads — {@code experimentKey?}, {@code variants} (variant → {@code {title,
 * body}}), {@code email} (variant → {@code {subject, text, html?}}), at least one of the two. Each variant is
 * built as the domain's {@link Copy} / {@link EmailCopy} and checked by {@link PushTemplateRules}; an unknown field
 * anywhere is a 400 naming it.
 */
public final class PushTemplateSchema implements ItemSchema {

    /** A BCP 47 tag as the catalogue's fallback chain reads it: {@code en}, {@code pt-BR}, {@code zh-Hant-TW}. */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> FIELDS = Set.of("experimentKey", "variants", "email");
    private static final Set<String> PUSH_FIELDS = Set.of("title", "body");
    private static final Set<String> EMAIL_FIELDS = Set.of("subject", "text", "html");
    /** Variants per locale: an experiment with more arms than this would have too few users per arm anyway. */
    static final int MAX_VARIANTS = 20;

    @Override
    public String kind() {
        return "push-template";
    }

    @Override
    public List<String> keyNames() {
        return List.of("templateId", "locale");
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        if (!LOCALE.matcher(key.get("locale")).matches()) {
            throw new BadRequestException("locale", "locale must be a BCP 47 tag such as en, pt-BR or zh-Hant-TW");
        }
        AdminBodies.onlyFields(body, FIELDS, "");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        String experiment = AdminBodies.optionalText(body, "experimentKey");
        if (experiment != null) {
            item.put("experimentKey", AttributeValue.fromS(Identifiers.require("experimentKey", experiment)));
        }
        Map<String, AttributeValue> variants = variants(body, "variants", PUSH_FIELDS, this::push);
        Map<String, AttributeValue> emails = variants(body, "email", EMAIL_FIELDS, this::email);
        if (variants == null && emails == null) {
            throw new BadRequestException("variants", "variants (push copy) or email (e-mail copy) is required");
        }
        if (variants != null) {
            item.put("variants", AttributeValue.fromM(variants));
        }
        if (emails != null) {
            item.put("email", AttributeValue.fromM(emails));
        }
        return item;
    }

    private interface CopyReader {
        Map<String, AttributeValue> read(String field, JsonNode copy);
    }

    private static Map<String, AttributeValue> variants(JsonNode body, String name, Set<String> fields,
            CopyReader reader) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new BadRequestException(name, name + " must be an object of variant key → copy, with at least one");
        }
        if (node.size() > MAX_VARIANTS) {
            throw new BadRequestException(name, name + " may hold at most " + MAX_VARIANTS + " variants");
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String field = name + "." + e.getKey();
            Identifiers.require(field, e.getKey());
            if (!e.getValue().isObject()) {
                throw new BadRequestException(field, field + " must be an object");
            }
            AdminBodies.onlyFields(e.getValue(), fields, field + ".");
            try {
                out.put(e.getKey(), AttributeValue.fromM(reader.read(field, e.getValue())));
            } catch (InvalidTemplateException invalid) {
                throw new BadRequestException(invalid.field(), invalid.getMessage());
            }
        });
        return out;
    }

    private Map<String, AttributeValue> push(String field, JsonNode node) {
        String title = AdminBodies.optionalText(node, "title", field + ".title");
        String body = AdminBodies.optionalText(node, "body", field + ".body");
        if (body == null) {
            throw new BadRequestException(field + ".body", field + ".body is required");
        }
        Copy copy = new Copy(title, body);
        PushTemplateRules.check(field, copy);
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put("title", AttributeValue.fromS(copy.title()));
        out.put("body", AttributeValue.fromS(copy.body()));
        return out;
    }

    private Map<String, AttributeValue> email(String field, JsonNode node) {
        String subject = AdminBodies.optionalText(node, "subject", field + ".subject");
        String text = AdminBodies.optionalText(node, "text", field + ".text");
        String html = AdminBodies.optionalText(node, "html", field + ".html");
        if (subject == null) {
            throw new BadRequestException(field + ".subject", field + ".subject is required");
        }
        if (text == null) {
            throw new BadRequestException(field + ".text", field + ".text is required");
        }
        EmailCopy copy = new EmailCopy(subject, text, html);
        PushTemplateRules.check(field, copy);
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put("subject", AttributeValue.fromS(copy.subject()));
        out.put("text", AttributeValue.fromS(copy.text()));
        if (copy.html() != null) {
            out.put("html", AttributeValue.fromS(copy.html()));
        }
        return out;
    }
}
