package dev.hearken.push.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Request;
import java.util.Iterator;
import java.util.Set;

/** The small checks every operator body of push-send needs: known fields only, strings where strings belong. */
final class AdminBodies {

    private AdminBodies() {}

    /** A 400 naming the first field of {@code object} not in {@code allowed} ({@code prefix} + its name). */
    static void onlyFields(JsonNode object, Set<String> allowed, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRequestException(prefix + name, prefix + name + " is not a field of this object");
            }
        }
    }

    /** The string field {@code name}, or {@code null} when absent or null; a 400 naming it when not a string. */
    static String optionalText(JsonNode object, String name) {
        return optionalText(object, name, name);
    }

    /** As {@link #optionalText(JsonNode, String)}, naming the field {@code field} in the 400. */
    static String optionalText(JsonNode object, String name, String field) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException(field, field + " must be a string");
        }
        return value.asText();
    }

    /** The body as a JSON object; an empty object when there is none (an action without parameters). */
    static JsonNode treeOrEmpty(Request request) {
        String raw = request.rawBody();
        return raw == null || raw.isBlank() ? JsonNodeFactory.instance.objectNode() : request.tree();
    }
}
