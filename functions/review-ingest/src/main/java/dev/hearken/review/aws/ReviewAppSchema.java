package dev.hearken.review.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An app as the operator API takes it: {@code {"store": "appstore"|"googleplay", "name": "…", "enabled"?: true,
 * "credentials"?: "<secret name or ARN>", "languages"?: ["en", "pt-BR"]}} under the key {@code appId}. The body
 * becomes the {@link ReviewApp} the poller and the worker read, checked by its own rules, and is stored by
 * {@link DynamoDbApps#item}, the writer next to their reader.
 */
public final class ReviewAppSchema implements ItemSchema {

    /** The body fields; anything else is a 400 naming it. */
    private static final Set<String> FIELDS = Set.of("store", "name", "enabled", "credentials", "languages");

    private final Map<Store, String> defaultSecrets;

    /** @param defaultSecrets each store's default credentials secret name, under which an app's own must be */
    public ReviewAppSchema(Map<Store, String> defaultSecrets) {
        this.defaultSecrets = Map.copyOf(defaultSecrets);
    }

    @Override
    public String kind() {
        return "review-app";
    }

    @Override
    public List<String> keyNames() {
        return List.of("appId");
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException(name, "unknown field " + name + "; an app has " + FIELDS);
            }
        }
        Store store;
        try {
            store = Store.fromCode(text(body, "store", true));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("store", "store must be appstore or googleplay");
        }
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw new BadRequestException("enabled", "enabled must be true or false");
        }
        ReviewApp app = new ReviewApp(key.get("appId"), store, text(body, "name", true),
                enabled == null || enabled.asBoolean(), text(body, "credentials", false), languages(body.get("languages")));
        try {
            app.validate(defaultSecrets.get(store));
        } catch (ReviewApp.Invalid e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
        return DynamoDbApps.item(app);
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if ((value == null || value.isNull()) && !required) {
            return null;
        }
        if (value == null || !value.isTextual()) {
            throw new BadRequestException(field, field + (required ? " is required and" : "") + " must be a string");
        }
        return value.asText();
    }

    private static List<String> languages(JsonNode languages) {
        List<String> codes = new ArrayList<>();
        if (languages == null || languages.isNull()) {
            return codes;
        }
        if (!languages.isArray()) {
            throw new BadRequestException("languages", "languages must be an array of language codes");
        }
        for (JsonNode language : languages) {
            if (!language.isTextual()) {
                throw new BadRequestException("languages", "languages must be an array of language codes");
            }
            codes.add(language.asText());
        }
        return codes;
    }
}
