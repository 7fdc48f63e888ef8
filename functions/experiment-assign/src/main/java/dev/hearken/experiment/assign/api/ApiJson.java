package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.hearken.aws.http.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/**
 * Binds request and message bodies to the API records, strictly: a JSON number is not read as a
 * string, nor a string as a number, so a mistyped field is a 400 naming it ({@code userId must be a
 * string}, {@code events[3].value must be a number}) rather than a silently converted value.
 * Unknown fields are ignored, so producers can add fields before this function reads them.
 */
@ApplicationScoped
public class ApiJson {

    private final ObjectMapper strict;

    public ApiJson(ObjectMapper json) {
        @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the copy is not shared
        ObjectMapper copy = json.copy();
        copy.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        copy.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        copy.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        this.strict = copy;
    }

    /** Parses {@code body}, a JSON object, into {@code type}. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(null, "request body is empty; expected a JSON object");
        }
        return bind(() -> strict.readValue(body, type));
    }

    /** The body as a JSON tree, for bodies whose shape decides their type. */
    public JsonNode tree(String body) {
        JsonNode tree = read(body, JsonNode.class);
        if (!tree.isObject()) {
            throw new BadRequestException(null, "request body must be a JSON object");
        }
        return tree;
    }

    /** Binds an already parsed JSON object to {@code type}. */
    public <T> T read(JsonNode tree, Class<T> type) {
        return bind(() -> strict.treeToValue(tree, type));
    }

    private interface Binding<T> {
        T bind() throws JsonProcessingException;
    }

    private static <T> T bind(Binding<T> binding) {
        T value;
        try {
            value = binding.bind();
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw field == null
                    ? new BadRequestException(null, "request body must be a JSON object")
                    : new BadRequestException(field, field + " " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new BadRequestException(null, "request body is not a JSON object: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw new BadRequestException(null, "request body must be a JSON object");
        }
        return value;
    }

    /** The field as clients write it: {@code events[2].value}; {@code null} for the body itself. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == long.class || type == int.class) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }
}
