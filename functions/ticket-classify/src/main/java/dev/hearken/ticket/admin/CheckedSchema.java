package dev.hearken.ticket.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.ticket.domain.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@link ItemSchema} of this module: the body is bound strictly to its record (an unknown field or a wrong type
 * is a 400 naming it), and what the domain refuses ({@link InvalidConfigurationException}) is a 400 naming its
 * field.
 *
 * @param <B> the body record
 */
abstract class CheckedSchema<B> implements ItemSchema {

    private final JsonBodies bodies;
    private final Class<B> bodyType;
    private final String kind;
    private final List<String> keyNames;

    CheckedSchema(JsonBodies bodies, Class<B> bodyType, String kind, String... keyNames) {
        this.bodies = bodies;
        this.bodyType = bodyType;
        this.kind = kind;
        this.keyNames = List.of(keyNames);
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final List<String> keyNames() {
        return keyNames;
    }

    @Override
    public final Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        B bound = bodies.read(body, bodyType);
        try {
            return item(key, bound);
        } catch (InvalidConfigurationException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }

    /** The item of a bound body; throws {@link InvalidConfigurationException} or a 400 for what it refuses. */
    abstract Map<String, AttributeValue> item(Map<String, String> key, B body);
}
