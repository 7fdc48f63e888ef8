package dev.hearken.push.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.push.domain.CampaignStatus;
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.Priority;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /admin/campaigns/{campaignId}}: a campaign definition in exactly the item shape
 * {@code DynamoDbCampaignStore} reads — {@code program}, {@code priority} (the domain's {@link Priority}),
 * {@code template} (must exist in {@code push-templates}), {@code data} (string → string), the audience as
 * {@code segmentId} (must exist) <em>or</em> {@code userIds} (1–{@value #MAX_USER_IDS} ids), {@code notBefore}
 * (ISO instant) — stored as a {@code draft}. The state ({@code status}, {@code runId}, {@code scheduledAt}) is the
 * actions' ({@code schedule}, {@code pause}, {@code cancel}): a body naming it is a 400.
 */
public final class CampaignSchema implements ItemSchema {

    /** Longest uploaded audience; a larger one is a segment (the item would near DynamoDB's 400 KB). */
    public static final int MAX_USER_IDS = 1_000;
    /** Most placeholder values a campaign gives its template. */
    static final int MAX_DATA = 50;
    /** Longest placeholder value, in characters. */
    static final int MAX_DATA_VALUE = 1_000;
    /** The attributes the actions own, kept across an edit of the definition. */
    static final Set<String> STATE = Set.of("status", "runId", "scheduledAt");

    private static final Set<String> FIELDS = Set.of("program", "priority", "template", "data", "segmentId", "userIds",
            "notBefore");

    private final CatalogueLookups lookups;

    public CampaignSchema(CatalogueLookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public String kind() {
        return "campaign";
    }

    @Override
    public List<String> keyNames() {
        return List.of("campaignId");
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (STATE.contains(name)) {
                throw new BadRequestException(name, name + " changes through POST /admin/campaigns/{campaignId}/"
                        + "schedule, /pause or /cancel, not in the definition");
            }
        });
        AdminBodies.onlyFields(body, FIELDS, "");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("program", AttributeValue.fromS(Identifiers.require("program", AdminBodies.optionalText(body, "program"))));
        try {
            item.put("priority", AttributeValue.fromS(Priority.parse(AdminBodies.optionalText(body, "priority")).wireName()));
        } catch (InvalidPushMessageException e) {
            throw new BadRequestException("priority", "priority must be transactional, lifecycle or promotional");
        }
        String template = Identifiers.require("template", AdminBodies.optionalText(body, "template"));
        if (!lookups.templateExists(template)) {
            throw new BadRequestException("template", "no push template " + template + "; create it first");
        }
        item.put("template", AttributeValue.fromS(template));
        Map<String, AttributeValue> data = data(body.get("data"));
        if (!data.isEmpty()) {
            item.put("data", AttributeValue.fromM(data));
        }
        audience(body, item);
        String notBefore = AdminBodies.optionalText(body, "notBefore");
        if (notBefore != null) {
            try {
                item.put("notBefore", AttributeValue.fromS(Instant.parse(notBefore).toString()));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("notBefore", "notBefore must be an ISO-8601 instant, e.g. 2026-03-20T08:00:00Z");
            }
        }
        item.put("status", AttributeValue.fromS(CampaignStatus.DRAFT.wireName()));
        return item;
    }

    private static Map<String, AttributeValue> data(JsonNode data) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        if (data == null || data.isNull()) {
            return out;
        }
        if (!data.isObject() || data.size() > MAX_DATA) {
            throw new BadRequestException("data", "data must be an object of at most " + MAX_DATA + " string values");
        }
        data.fields().forEachRemaining(e -> {
            String field = "data." + e.getKey();
            Identifiers.require(field, e.getKey());
            if (!e.getValue().isTextual() || e.getValue().asText().length() > MAX_DATA_VALUE) {
                throw new BadRequestException(field, field + " must be a string of at most " + MAX_DATA_VALUE
                        + " characters");
            }
            out.put(e.getKey(), AttributeValue.fromS(e.getValue().asText()));
        });
        return out;
    }

    private void audience(JsonNode body, Map<String, AttributeValue> item) {
        String segment = AdminBodies.optionalText(body, "segmentId");
        JsonNode users = body.get("userIds");
        boolean hasUsers = users != null && !users.isNull();
        if ((segment == null) == !hasUsers) {
            throw new BadRequestException("segmentId", "give the audience as segmentId or as userIds, one of the two");
        }
        if (segment != null) {
            Identifiers.require("segmentId", segment);
            if (!lookups.segmentExists(segment)) {
                throw new BadRequestException("segmentId", "no segment " + segment + "; create it or add members first");
            }
            item.put("segmentId", AttributeValue.fromS(segment));
            return;
        }
        item.put("userIds", AttributeValue.fromL(userIds(users, "userIds").stream().map(AttributeValue::fromS).toList()));
    }

    /** 1–{@value #MAX_USER_IDS} distinct user ids, in the order given; a 400 naming {@code field} otherwise. */
    static List<String> userIds(JsonNode users, String field) {
        if (users == null || !users.isArray() || users.isEmpty() || users.size() > MAX_USER_IDS) {
            throw new BadRequestException(field, field + " must be an array of 1-" + MAX_USER_IDS + " user ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < users.size(); i++) {
            JsonNode id = users.get(i);
            String name = field + "[" + i + "]";
            if (!id.isTextual()) {
                throw new BadRequestException(name, name + " must be a string");
            }
            ids.add(Identifiers.require(name, id.asText()));
        }
        return new ArrayList<>(ids);
    }
}
