package dev.hearken.aws.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds request bodies to records strictly, and turns every way a body can be wrong into a
 * {@link BadRequestException} that names the field (dotted path, {@code review.rating}, {@code items[2].id}) and
 * never quotes the value:
 * <ul>
 *   <li>an unknown field (unless the record says {@code @JsonIgnoreProperties(ignoreUnknown = true)}, as for
 *       third-party payloads that grow fields);</li>
 *   <li>a missing field, when the component is {@code @JsonProperty(required = true)} or the record's constructor
 *       throws {@link BadRequestException} naming it (its field is taken relative to the record's position);</li>
 *   <li>a wrong type: no coercion between strings, numbers and booleans ({@code {"text": 12345}} is not a text),
 *       no fractions into integers, no {@code null} into primitives;</li>
 *   <li>a number out of range, including {@code 1e309}, {@code NaN} and infinities for {@code double}/{@code float},
 *       for numbers kept as a {@link JsonNode} (a field that may be a string or a number) and for free-form values
 *       ({@code Map<String, Object>}) at any depth;</li>
 *   <li>an empty body, {@code null}, malformed or trailing JSON, duplicate keys.</li>
 * </ul>
 * A body whose shape decides its type (one event, or {@code {"events": […]}}) is read as a {@link #tree} first and
 * then bound with {@link #read(JsonNode, Class)}, under the same rules.
 */
@ApplicationScoped
public class JsonBodies {

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private final ObjectMapper strict;

    public JsonBodies(ObjectMapper json) {
        this.strict = strict(json);
    }

    /** {@code body} bound to {@code type}; a {@link BadRequestException} naming the field when it does not fit. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(null, "request body is empty; expected a JSON object");
        }
        ObjectReader reader = strict.readerFor(type);
        return bind(() -> reader.readValue(body));
    }

    /** {@code body} as a JSON object tree, for a body whose shape decides the type it binds to. */
    public JsonNode tree(String body) {
        JsonNode tree = read(body, JsonNode.class);
        if (!tree.isObject()) {
            throw new BadRequestException(null, "request body must be a JSON object");
        }
        return tree;
    }

    /** A {@link #tree} (or part of one) bound to {@code type}, under the same rules as {@link #read(String, Class)}. */
    public <T> T read(JsonNode tree, Class<T> type) {
        ObjectReader reader = strict.readerFor(type);
        return bind(() -> reader.readValue(strict.treeAsTokens(tree)));
    }

    private interface Binding<T> {
        T bind() throws IOException;
    }

    private static <T> T bind(Binding<T> binding) {
        T value;
        try {
            value = binding.bind();
        } catch (JsonMappingException e) {
            throw badRequest(e);
        } catch (InputCoercionException e) {
            throw new BadRequestException(path(e.getProcessor()), "number out of range");
        } catch (JsonProcessingException e) {
            throw new BadRequestException(path(e.getProcessor()), "request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        if (value == null) {
            throw new BadRequestException(null, "request body must be a JSON object");
        }
        return value;
    }

    private static BadRequestException badRequest(JsonMappingException e) {
        String at = path(e.getPath());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof BadRequestException own) {
                return new BadRequestException(join(at, own.field()), own.getMessage());
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            // The binding path of an unknown field in a record is unreliable; the parser stands on the field.
            String field = path(u.getProcessor());
            return new BadRequestException(field == null ? u.getPropertyName() : field, "unknown field");
        }
        Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            String name = missing.group(1);
            String field = at != null && (at.equals(name) || at.endsWith("." + name)) ? at : join(at, name);
            return new BadRequestException(field, "required field is missing");
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null` into type")) {
            return new BadRequestException(at, "required field is missing or null");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (m.getTargetType().isEnum()) {
                return new BadRequestException(at, "not one of the allowed values");
            }
            if (e instanceof InvalidFormatException f && f.getValue() == null && Number.class.isAssignableFrom(
                    f.getTargetType())) {
                return new BadRequestException(at, "not a finite number");
            }
            return new BadRequestException(at, "wrong type; expected " + describe(m.getTargetType()));
        }
        return new BadRequestException(at, "invalid value");
    }

    private static String describe(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The position the parser stopped at, for errors raised before data binding (no binding path exists). */
    private static String path(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.isEmpty() ? null : joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String join(String prefix, String field) {
        if (prefix == null) {
            return field;
        }
        return field == null ? prefix : prefix + "." + field;
    }

    @SuppressWarnings("deprecation")
    private static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper m = json.copy();
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        m.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule finite = new SimpleModule("hearken-finite-numbers");
        finite.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        finite.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0d));
        finite.addDeserializer(Float.class, new FiniteFloat(Float.class, null));
        finite.addDeserializer(Float.TYPE, new FiniteFloat(Float.TYPE, 0f));
        finite.addDeserializer(Object.class, new FiniteUntyped());
        m.registerModule(finite);
        m.setNodeFactory(new FiniteNodes());
        return m;
    }

    /** Trees keep {@code 1e309} as an infinite double, which no later reader expects (a decimal of it throws). */
    private static final class FiniteNodes extends JsonNodeFactory {

        @Override
        public NumericNode numberNode(double v) {
            if (!Double.isFinite(v)) {
                throw new BadRequestException(null, "not a finite number");
            }
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (!Float.isFinite(v)) {
                throw new BadRequestException(null, "not a finite number");
            }
            return super.numberNode(v);
        }
    }

    /**
     * Free-form values ({@code Map<String, Object>} of targeting attributes, {@code Object} fields): Jackson reads
     * {@code 1e309} there as an infinite {@code Double} too, at any depth, which a later comparison or decimal
     * conversion does not expect.
     */
    private static final class FiniteUntyped extends UntypedObjectDeserializer {

        FiniteUntyped() {
            super(null, (JavaType) null);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
                throw InvalidFormatException.from(p, "not a finite number", null, Double.class);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Jackson reads {@code 1e309} as infinity; a request never means that. */
    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "not a finite number", null, Double.class);
            }
            return value;
        }
    }

    private static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {

        FiniteFloat(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Float value = super.deserialize(p, ctxt);
            if (value != null && !Float.isFinite(value)) {
                throw InvalidFormatException.from(p, "not a finite number", null, Float.class);
            }
            return value;
        }
    }
}
