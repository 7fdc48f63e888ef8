package dev.hearken.aws.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items as JSON and back, the one converter for items an operator reads and writes, audit entries'
 * before/after, and the shipped defaults ({@code infra/seed/tables/*.json}): strings, numbers (exact, as
 * {@link BigDecimal}), booleans, null, lists, maps; string and number sets become arrays. Keys of a map are
 * written sorted, so that the same item always gives the same JSON (audit entries compare).
 */
public final class AttributeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AttributeJson() {}

    /** A JSON object as a DynamoDB item. */
    public static Map<String, AttributeValue> item(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("a JSON object is needed, got " + object.getNodeType());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> item.put(f.getKey(), value(f.getValue())));
        return item;
    }

    /** One JSON value as an attribute value. */
    public static AttributeValue value(JsonNode v) {
        if (v.isTextual()) {
            return AttributeValue.fromS(v.asText());
        }
        if (v.isNumber()) {
            return AttributeValue.fromN(v.decimalValue().toPlainString());
        }
        if (v.isBoolean()) {
            return AttributeValue.fromBool(v.asBoolean());
        }
        if (v.isNull() || v.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (v.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            v.forEach(x -> list.add(value(x)));
            return AttributeValue.fromL(list);
        }
        if (v.isBinary()) {
            try {
                return AttributeValue.fromB(SdkBytes.fromByteArray(v.binaryValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return AttributeValue.fromM(item(v));
    }

    /** A DynamoDB item as a JSON object, keys sorted. */
    public static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        new TreeMap<>(item).forEach((name, value) -> object.set(name, json(value)));
        return object;
    }

    /** One attribute value as JSON. */
    public static JsonNode json(AttributeValue v) {
        return switch (v.type()) {
            case S -> NODES.textNode(v.s());
            case N -> NODES.numberNode(new BigDecimal(v.n()));
            case BOOL -> NODES.booleanNode(v.bool());
            case NUL -> NODES.nullNode();
            case L -> {
                ArrayNode array = NODES.arrayNode();
                v.l().forEach(x -> array.add(json(x)));
                yield array;
            }
            case M -> json(v.m());
            case SS -> {
                ArrayNode array = NODES.arrayNode();
                v.ss().stream().sorted().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                v.ns().stream().map(BigDecimal::new).sorted().forEach(array::add);
                yield array;
            }
            case B -> NODES.binaryNode(v.b().asByteArray());
            case BS -> {
                ArrayNode array = NODES.arrayNode();
                v.bs().forEach(b -> array.add(b.asByteArray()));
                yield array;
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type");
        };
    }
}
