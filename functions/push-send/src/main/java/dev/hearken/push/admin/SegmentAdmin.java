package dev.hearken.push.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.ItemKey;
import dev.hearken.aws.admin.Versioned;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Segments in {@code push-segments} ({@code segmentId} partition, {@code userId} sort: one item per member, which
 * push-campaign pages through). Two kinds of object, both audited:
 * <ul>
 *   <li>the <b>definition</b> ({@code description}), one item per segment under the reserved sort key
 *       {@value DynamoDbCampaignStore#SEGMENT_DEFINITION}, which the fan-out skips:
 *       {@code GET/PUT/DELETE /admin/segments/{segmentId}} (versioned like every operator object; deleting it
 *       leaves the members) and {@code GET …/history};</li>
 *   <li><b>members</b>: {@code PUT /admin/segments/{segmentId}/members/{userId}} adds one (201; 200 when it was a
 *       member already), {@code DELETE} removes one (204; 404 when it was not), {@code GET …/history} tells who added
 *       or removed it and when; {@code POST /admin/segments/{segmentId}/members {"userIds": […]}} adds up to
 *       {@value CampaignSchema#MAX_USER_IDS} at once, each as its own audited write (the whole list is checked
 *       before anything is written; a failure part-way leaves the members added so far, and repeating the request
 *       adds the rest).</li>
 * </ul>
 * No route lists segments: definitions share the table with millions of members, so a list would read them all.
 * A segment exists for a campaign when it has a definition or a member.
 */
public final class SegmentAdmin {

    private static final Set<String> DEFINITION_FIELDS = Set.of("description");
    /** Longest description, in characters. */
    static final int MAX_DESCRIPTION = 500;
    /** Member writes in flight during a batch add. */
    private static final int PARALLEL_WRITES = 16;

    private final VersionedItems definitions;
    private final VersionedItems members;
    private final AuditTrail audit;

    public SegmentAdmin(VersionedItems definitions, VersionedItems members, AuditTrail audit) {
        this.definitions = definitions;
        this.members = members;
        this.audit = audit;
    }

    /** Serves one request to the segment routes. */
    public Reply serve(Request request) {
        String segmentId = request.pathId("segmentId");
        boolean member = request.hasPath("userId");
        String route = request.routeKey();
        if (route.endsWith("/history")) {
            ItemKey key = member ? memberKey(segmentId, request.pathId("userId")) : definitionKey(segmentId);
            return AdminRequests.history(audit.history((member ? members : definitions).entity(key), 100));
        }
        if (route.endsWith("/members")) {
            return addAll(request, segmentId);
        }
        if (member) {
            return member(request, memberKey(segmentId, request.pathId("userId")));
        }
        ItemKey key = definitionKey(segmentId);
        return switch (request.method()) {
            case "GET" -> AdminRequests.object(200, definitions.get(key));
            case "PUT" -> putDefinition(request, key);
            case "DELETE" -> {
                definitions.delete(key, AdminRequests.requiredVersion(request, null), AdminRequests.author(request));
                yield Reply.status(204, null);
            }
            default -> Reply.error(405, "method_not_allowed", "method not allowed here", null);
        };
    }

    private Reply putDefinition(Request request, ItemKey key) {
        String author = AdminRequests.author(request);
        JsonNode body = request.tree();
        AdminBodies.onlyFields(body, Set.of("description", "segmentId", "version"), "");
        String segmentId = AdminBodies.optionalText(body, "segmentId");
        if (segmentId != null && !segmentId.equals(key.id())) {
            throw new BadRequestException("segmentId", "segmentId in the body differs from the path; keys cannot change");
        }
        String description = AdminBodies.optionalText(body, "description");
        if (description != null && (description.length() > MAX_DESCRIPTION || description.isBlank())) {
            throw new BadRequestException("description", "description must be 1-" + MAX_DESCRIPTION + " characters");
        }
        Map<String, AttributeValue> item = description == null ? Map.of()
                : Map.of("description", AttributeValue.fromS(description));
        OptionalLong expected = AdminRequests.expectedVersion(request, body);
        if (expected.isPresent()) {
            return AdminRequests.object(200, definitions.replace(key, expected.getAsLong(), item, author));
        }
        return AdminRequests.object(201, definitions.createIfAbsent(key, item, author, "create")
                .orElseThrow(AdminRefusal::versionRequired));
    }

    private Reply member(Request request, ItemKey key) {
        String author = AdminRequests.author(request);
        return switch (request.method()) {
            case "PUT" -> {
                Optional<Versioned> added = members.createIfAbsent(key, Map.of(), author, "add");
                yield added.isPresent() ? AdminRequests.object(201, added.get())
                        : AdminRequests.object(200, members.get(key));
            }
            case "DELETE" -> {
                members.delete(key, members.get(key).version(), author);
                yield Reply.status(204, null);
            }
            default -> Reply.error(405, "method_not_allowed", "method not allowed here", null);
        };
    }

    private Reply addAll(Request request, String segmentId) {
        String author = AdminRequests.author(request);
        JsonNode body = request.tree();
        AdminBodies.onlyFields(body, Set.of("userIds"), "");
        List<String> userIds = CampaignSchema.userIds(body.get("userIds"), "userIds");
        List<Future<Boolean>> writes = new ArrayList<>(userIds.size());
        try (ExecutorService writers = Executors.newFixedThreadPool(PARALLEL_WRITES, Thread.ofVirtual().factory())) {
            for (String userId : userIds) {
                ItemKey key = memberKey(segmentId, userId);
                // Read first: a member already there costs a read, not a refused transaction.
                writes.add(writers.submit(() -> members.find(key).isEmpty()
                        && members.createIfAbsent(key, Map.of(), author, "add").isPresent()));
            }
            int added = 0;
            for (Future<Boolean> write : writes) {
                added += write.get() ? 1 : 0;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("segmentId", segmentId);
            result.put("added", added);
            result.put("alreadyMembers", userIds.size() - added);
            return Reply.ok(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding members", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The definition's key: the reserved sort key; its id in URLs and the audit trail is the segment id alone. */
    private static ItemKey definitionKey(String segmentId) {
        Identifiers.require("segmentId", segmentId);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("segmentId", AttributeValue.fromS(segmentId));
        attributes.put("userId", AttributeValue.fromS(DynamoDbCampaignStore.SEGMENT_DEFINITION));
        return new ItemKey(attributes, segmentId);
    }

    private static ItemKey memberKey(String segmentId, String userId) {
        return ItemKey.strings("segmentId", Identifiers.require("segmentId", segmentId),
                "userId", Identifiers.require("userId", userId));
    }
}
