package dev.hearken.autoreply.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.autoreply.domain.ReplyTemplate;
import dev.hearken.autoreply.domain.TemplateRules;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reply template as the operator API takes it: {@code {"body": "…", "experimentKey"?: "…", "variants"?: {"friendly":
 * "…"}}} under the key {@code templateKey}, {@code language}. The body becomes the {@link ReplyTemplate} the worker
 * reads, is checked by the domain's {@link TemplateRules}, and is stored by {@link DynamoDbReplyTemplates#item}, the
 * writer next to the worker's reader.
 */
public final class ReplyTemplateSchema implements ItemSchema {

    /** The body fields; anything else is a 400 naming it. */
    private static final Set<String> FIELDS = Set.of("body", "experimentKey", "variants");

    private final TemplateRules rules;

    public ReplyTemplateSchema(TemplateRules rules) {
        this.rules = rules;
    }

    @Override
    public String kind() {
        return "reply-template";
    }

    @Override
    public List<String> keyNames() {
        return List.of("templateKey", "language");
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException(name, "unknown field " + name + "; a template has " + FIELDS);
            }
        }
        ReplyTemplate template = new ReplyTemplate(key.get("templateKey"), key.get("language"),
                text(body, "body"), optionalText(body, "experimentKey"), variants(body.get("variants")));
        try {
            rules.check(template);
        } catch (TemplateRules.Violation v) {
            throw new BadRequestException(v.field(), v.getMessage());
        }
        return DynamoDbReplyTemplates.item(template);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequestException(field, field + " is required and must be a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException(field, field + " must be a string");
        }
        return value.asText();
    }

    private static Map<String, String> variants(JsonNode variants) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (variants == null || variants.isNull()) {
            return texts;
        }
        if (!variants.isObject()) {
            throw new BadRequestException("variants", "variants must be an object: variation key → text");
        }
        variants.fields().forEachRemaining(v -> {
            if (!v.getValue().isTextual()) {
                throw new BadRequestException("variants." + v.getKey(), "a variant's text must be a string");
            }
            texts.put(v.getKey(), v.getValue().asText());
        });
        return texts;
    }
}
