package dev.hearken.ticket.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.ticket.aws.DynamoDbVipDirectory;
import dev.hearken.ticket.domain.InvalidConfigurationException;
import dev.hearken.ticket.domain.VipKey;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * VIP entries as operators write them ({@code /admin/vips/{vipKey}}): a key the worker's {@link DynamoDbVipDirectory}
 * looks up exactly as written ({@link VipKey#check}: {@code user:<id>}, {@code email:<lower-case address>},
 * {@code org:<id>}) and an optional note.
 */
public final class VipSchema implements ItemSchema {

    private final JsonBodies bodies;

    public VipSchema(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public String kind() {
        return "vip";
    }

    @Override
    public List<String> keyNames() {
        return List.of("vipKey");
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        VipBody vip = bodies.read(body, VipBody.class);
        try {
            return DynamoDbVipDirectory.item(VipKey.check(key.get("vipKey")), AdminText.note(vip.note()));
        } catch (InvalidConfigurationException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }
}
