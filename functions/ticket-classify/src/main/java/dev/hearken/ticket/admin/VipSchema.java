package dev.hearken.ticket.admin;

import dev.hearken.aws.http.JsonBodies;
import dev.hearken.ticket.aws.DynamoDbVipDirectory;
import dev.hearken.ticket.domain.VipKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * VIP entries as operators write them ({@code /admin/vips/{vipKey}}): a key the worker's {@link DynamoDbVipDirectory}
 * looks up exactly as written ({@link VipKey#check}: {@code user:<id>}, {@code email:<lower-case address>},
 * {@code org:<id>}) and an optional note.
 */
public final class VipSchema extends CheckedSchema<VipBody> {

    public VipSchema(JsonBodies bodies) {
        super(bodies, VipBody.class, "vip", "vipKey");
    }

    @Override
    Map<String, AttributeValue> item(Map<String, String> key, VipBody vip) {
        return DynamoDbVipDirectory.item(VipKey.check(key.get("vipKey")), AdminText.note(vip.note()));
    }
}
