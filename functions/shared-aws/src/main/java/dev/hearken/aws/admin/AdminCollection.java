package dev.hearken.aws.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.aws.http.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Create, read, update and delete over HTTP for one kind of operator-managed object, with validation by its
 * {@link ItemSchema}, optimistic concurrency and the audit trail of {@link VersionedItems}. For a collection at
 * {@code /admin/routing-rules} keyed by {@code ruleId}, the routes are:
 * <ul>
 *   <li>{@code GET /admin/routing-rules}: every object, {@code {"items": […], "count": n}};</li>
 *   <li>{@code POST /admin/routing-rules}: create from a body that holds the key fields; 201, or 409 when it
 *       exists;</li>
 *   <li>{@code GET /admin/routing-rules/{ruleId}}: one object with its {@code version} and {@code ETag};</li>
 *   <li>{@code PUT /admin/routing-rules/{ruleId}}: replace, based on the version in {@code If-Match} or the
 *       body's {@code version} (409 when stale); without a version, create it if absent (else 428);</li>
 *   <li>{@code DELETE /admin/routing-rules/{ruleId}}: delete, with {@code If-Match}; 204;</li>
 *   <li>{@code GET /admin/routing-rules/{ruleId}/history}: its audit trail, newest first.</li>
 * </ul>
 * A two-part key ({@code templateKey}, {@code language}) adds {@code GET /admin/reply-templates/{templateKey}}: the
 * objects of one partition. Which of these a request is follows from its method, its path parameters and
 * whether the route ends in {@code /history}.
 */
public final class AdminCollection {

    private static final int HISTORY_LIMIT = 100;

    private final VersionedItems items;
    private final ItemSchema schema;
    private final AuditTrail audit;

    public AdminCollection(VersionedItems items, ItemSchema schema, AuditTrail audit) {
        this.items = items;
        this.schema = schema;
        this.audit = audit;
    }

    /** The objects' store, for the owning module's own actions on them (state changes, previews). */
    public VersionedItems items() {
        return items;
    }

    /** Serves one request to the collection's routes. */
    public Reply serve(Request request) {
        // Reads too: the routes are IAM-only, and a request without a caller is not one of theirs.
        String author = AdminRequests.author(request);
        List<String> names = schema.keyNames();
        boolean fullKey = names.stream().allMatch(request::hasPath);
        boolean partition = !fullKey && request.hasPath(names.get(0));
        String method = request.method();
        if (request.routeKey().endsWith("/history") && fullKey && method.equals("GET")) {
            return AdminRequests.history(audit.history(items.entity(key(request)), HISTORY_LIMIT));
        }
        if (fullKey) {
            return switch (method) {
                case "GET" -> AdminRequests.object(200, items.get(key(request)));
                case "PUT" -> put(request, author);
                case "DELETE" -> delete(request, author);
                default -> methodNotAllowed();
            };
        }
        return switch (method) {
            case "GET" -> list(partition ? items.partition(partitionKey(request)) : items.list());
            case "POST" -> create(request, author);
            default -> methodNotAllowed();
        };
    }

    private Reply create(Request request, String author) {
        ObjectNode body = body(request);
        Map<String, String> key = new LinkedHashMap<>();
        for (String name : schema.keyNames()) {
            JsonNode value = body.get(name);
            if (value == null || !value.isTextual()) {
                throw new BadRequestException(name, name + " is required and must be a string");
            }
            key.put(name, Identifiers.require(name, value.asText()));
        }
        return AdminRequests.object(201, items.create(itemKey(key), item(key, body), author));
    }

    private Reply put(Request request, String author) {
        ObjectNode body = body(request);
        Map<String, String> key = pathKey(request);
        key.forEach((name, value) -> {
            JsonNode inBody = body.get(name);
            if (inBody != null && !(inBody.isTextual() && inBody.asText().equals(value))) {
                throw new BadRequestException(name, name + " in the body differs from the path; keys cannot change");
            }
        });
        OptionalLong expected = AdminRequests.expectedVersion(request, body);
        Map<String, AttributeValue> item = item(key, body);
        if (expected.isPresent()) {
            return AdminRequests.object(200, items.replace(itemKey(key), expected.getAsLong(), item, author));
        }
        Optional<Versioned> created = items.createIfAbsent(itemKey(key), item, author, "create");
        if (created.isEmpty()) {
            throw AdminRefusal.versionRequired();
        }
        return AdminRequests.object(201, created.get());
    }

    private Reply delete(Request request, String author) {
        long expected = AdminRequests.requiredVersion(request, null);
        items.delete(key(request), expected, author);
        return Reply.status(204, null);
    }

    private Reply list(List<Versioned> all) {
        List<ObjectNode> views = new ArrayList<>(all.size());
        all.forEach(v -> views.add(AdminRequests.view(v)));
        return Reply.ok(Map.of("items", views, "count", views.size()));
    }

    private Map<String, AttributeValue> item(Map<String, String> key, ObjectNode body) {
        ObjectNode plain = body.deepCopy();
        plain.remove(VersionedItems.BOOKKEEPING);
        plain.remove(schema.keyNames());
        return schema.item(key, plain);
    }

    private static ObjectNode body(Request request) {
        return (ObjectNode) request.tree();
    }

    /** The object's key from the path. */
    public ItemKey key(Request request) {
        return itemKey(pathKey(request));
    }

    private Map<String, String> pathKey(Request request) {
        Map<String, String> key = new LinkedHashMap<>();
        schema.keyNames().forEach(name -> key.put(name, request.pathId(name)));
        return key;
    }

    private ItemKey partitionKey(Request request) {
        String name = schema.keyNames().get(0);
        return ItemKey.strings(name, request.pathId(name));
    }

    private static ItemKey itemKey(Map<String, String> key) {
        List<String> pairs = new ArrayList<>();
        key.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return ItemKey.strings(pairs.toArray(String[]::new));
    }

    private static Reply methodNotAllowed() {
        return Reply.error(405, "method_not_allowed", "method not allowed here", null);
    }
}
