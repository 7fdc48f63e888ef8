package dev.hearken.aws.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one kind of operator-managed object looks like: its key and how a request body becomes a valid item.
 * The module that owns the objects implements it with its domain's own validation, so that nothing the
 * functions would refuse to read can be written.
 */
public interface ItemSchema {

    /** What an object is, in URLs' messages and the audit trail: {@code routing-rule}. */
    String kind();

    /**
     * The key's attribute names in key order (partition, then sort), which are also the route's path parameters
     * and the body's key fields: {@code ["ruleId"]}, {@code ["templateId", "language"]}. Key values must be
     * {@link dev.hearken.aws.http.Identifiers identifiers}.
     */
    List<String> keyNames();

    /**
     * The item a body describes, without its key attributes (they are added from the key) and without the
     * bookkeeping ({@code version}, {@code updatedAt}, {@code updatedBy}, removed before this is called).
     *
     * @param key  the object's key values by name
     * @param body the request body, a JSON object
     * @throws dev.hearken.aws.http.BadRequestException naming the field at fault
     */
    Map<String, AttributeValue> item(Map<String, String> key, JsonNode body);
}
