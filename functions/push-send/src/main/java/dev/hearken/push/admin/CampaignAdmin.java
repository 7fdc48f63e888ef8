package dev.hearken.push.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.admin.AttributeJson;
import dev.hearken.aws.admin.ItemKey;
import dev.hearken.aws.admin.Versioned;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.push.aws.CampaignSchedules;
import dev.hearken.push.domain.CampaignStatus;
import dev.hearken.push.port.CampaignRuns;
import dev.hearken.push.port.CampaignStore.RunState;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /admin/campaigns}: the definitions ({@link CampaignSchema}) through the shared {@link AdminCollection},
 * and their life ({@link CampaignStatus}) through three actions, each one audited versioned change:
 * <ul>
 *   <li>{@code POST …/{campaignId}/schedule {"at": "<ISO instant in the future>"}} — a draft or paused campaign
 *       becomes {@code scheduled} and gets its one-time schedule ({@link CampaignSchedules}); a paused one keeps its
 *       run, so it resumes where it stopped;</li>
 *   <li>{@code POST …/pause} — a scheduled or running campaign becomes {@code paused}: the schedule is deleted and
 *       a running fan-out stops after its current page;</li>
 *   <li>{@code POST …/cancel} — anything not done becomes {@code cancelled}, for good.</li>
 * </ul>
 * Any other transition is a 409 {@code invalid_state}. Reads show the status an operator needs — {@code running}
 * or {@code done} once push-campaign started the run — with the run's {@code enqueued} count. Edits
 * ({@code PUT}) are allowed to a draft or paused campaign and keep its state; deletes to a draft, done or
 * cancelled one. An action may carry the version it is based on ({@code If-Match} or {@code "version"}); without
 * one it applies to the version read just before (still conditional: a concurrent change is a 409).
 */
public final class CampaignAdmin {

    private static final Set<String> ACTION_FIELDS = Set.of("at", "version");
    /**
     * The latest {@code at}: a one-time schedule's {@code at(yyyy-MM-ddTHH:mm:ss)} has a four-digit year, and
     * Scheduler's refusal of a later one would come after the campaign was marked scheduled (then put back).
     */
    private static final Instant LATEST_AT = Instant.parse("9999-12-31T23:59:59Z");
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy");

    private final AdminCollection collection;
    private final CampaignSchema schema;
    private final CampaignRuns runs;
    private final CampaignSchedules schedules;
    private final Clock clock;

    public CampaignAdmin(AdminCollection collection, CampaignSchema schema, CampaignRuns runs,
            CampaignSchedules schedules, Clock clock) {
        this.collection = collection;
        this.schema = schema;
        this.runs = runs;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** Serves one request to the campaign routes. */
    public Reply serve(Request request) {
        String route = request.routeKey();
        if (route.endsWith("/schedule")) {
            return schedule(request);
        }
        if (route.endsWith("/pause")) {
            return stop(request, "pause", CampaignStatus.PAUSED);
        }
        if (route.endsWith("/cancel")) {
            return stop(request, "cancel", CampaignStatus.CANCELLED);
        }
        boolean one = request.hasPath("campaignId");
        return switch (request.method()) {
            case "GET" -> one && !route.endsWith("/history") ? view(200, items().get(collection.key(request)))
                    : one ? collection.serve(request) : list();
            case "PUT" -> update(request);
            case "DELETE" -> delete(request);
            default -> collection.serve(request);
        };
    }

    private Reply schedule(Request request) {
        String author = AdminRequests.author(request);
        JsonNode body = request.tree();
        AdminBodies.onlyFields(body, ACTION_FIELDS, "");
        Instant at = future(AdminBodies.optionalText(body, "at"));
        OptionalLong given = AdminRequests.expectedVersion(request, body);
        ItemKey key = collection.key(request);
        Versioned current = items().get(key);
        CampaignStatus status = status(key, current);
        if (!status.canSchedule()) {
            throw AdminRefusal.invalidState("campaign " + key.id() + " is " + status.wireName()
                    + "; only a draft or a paused campaign can be scheduled");
        }
        Map<String, AttributeValue> item = current.item();
        // The definition must still hold: its template or segment may have been deleted since it was written.
        schema.item(Map.of("campaignId", key.id()), definition(item));
        String runId = Optional.ofNullable(item.get("runId")).map(AttributeValue::s).orElse("run-" + at);
        long hop = runs.findRun(key.id(), runId).map(RunState::hop).orElse(0L);
        Versioned scheduled = items().change(key, given.orElse(current.version()), author, "schedule",
                with(Map.of("status", AttributeValue.fromS(CampaignStatus.SCHEDULED.wireName()),
                        "runId", AttributeValue.fromS(runId), "scheduledAt", AttributeValue.fromS(at.toString()))));
        try {
            schedules.arm(new CampaignSchedules.Detail(key.id(), item.get("program").s(), runId, hop), at);
        } catch (RuntimeException e) {
            // Not armed: put the campaign back as it was, so the operator sees it unscheduled and can try again.
            items().change(key, scheduled.version(), author, "schedule-failed", now -> item);
            throw e;
        }
        return view(200, scheduled);
    }

    private Reply stop(Request request, String action, CampaignStatus to) {
        String author = AdminRequests.author(request);
        JsonNode body = AdminBodies.treeOrEmpty(request);
        AdminBodies.onlyFields(body, Set.of("version"), "");
        OptionalLong given = AdminRequests.expectedVersion(request, body);
        ItemKey key = collection.key(request);
        Versioned current = items().get(key);
        CampaignStatus status = status(key, current);
        if (to == CampaignStatus.PAUSED ? !status.canPause() : !status.canCancel()) {
            throw AdminRefusal.invalidState("campaign " + key.id() + " is " + status.wireName() + "; " + action
                    + (to == CampaignStatus.PAUSED ? " applies to a scheduled or running campaign"
                    : " applies to a campaign that is not done or cancelled"));
        }
        Versioned stopped = items().change(key, given.orElse(current.version()), author, action,
                with(Map.of("status", AttributeValue.fromS(to.wireName()))));
        // After the change: should the delete fail, a schedule that fires finds the campaign stopped and does nothing.
        schedules.disarm(key.id());
        return view(200, stopped);
    }

    private Reply update(Request request) {
        ItemKey key = collection.key(request);
        Optional<Versioned> current = items().find(key);
        if (current.isEmpty()) {
            return collection.serve(request); // a create by PUT: a draft, as every new campaign
        }
        CampaignStatus status = status(key, current.get());
        if (!status.canEdit()) {
            throw AdminRefusal.invalidState("campaign " + key.id() + " is " + status.wireName()
                    + "; pause it to edit it (or edit a draft)");
        }
        String author = AdminRequests.author(request);
        ObjectNode body = ((ObjectNode) request.tree()).deepCopy();
        long expected = AdminRequests.requiredVersion(request, body);
        JsonNode id = body.remove("campaignId");
        if (id != null && !(id.isTextual() && id.asText().equals(key.id()))) {
            throw new BadRequestException("campaignId", "campaignId in the body differs from the path; keys cannot change");
        }
        body.remove(BOOKKEEPING);
        Map<String, AttributeValue> definition = schema.item(Map.of("campaignId", key.id()), body);
        return view(200, items().change(key, expected, author, "update", now -> {
            Map<String, AttributeValue> next = new HashMap<>(definition);
            CampaignSchema.STATE.forEach(name -> {
                if (now.containsKey(name)) {
                    next.put(name, now.get(name));
                }
            });
            return next;
        }));
    }

    private Reply delete(Request request) {
        ItemKey key = collection.key(request);
        CampaignStatus status = status(key, items().get(key));
        if (!status.canDelete()) {
            throw AdminRefusal.invalidState("campaign " + key.id() + " is " + status.wireName()
                    + "; cancel it before deleting it");
        }
        return collection.serve(request);
    }

    private Reply list() {
        List<ObjectNode> views = items().list().stream().map(this::json).toList();
        return Reply.ok(Map.of("items", views, "count", views.size()));
    }

    private Reply view(int status, Versioned campaign) {
        return new Reply(status, json(campaign), Map.of("etag", campaign.etag()));
    }

    /** The campaign as JSON with the status an operator needs and, once its run started, how many were enqueued. */
    private ObjectNode json(Versioned campaign) {
        ObjectNode view = AdminRequests.view(campaign);
        String id = campaign.item().get("campaignId").s();
        Optional<RunState> run = run(id, campaign.item());
        view.put("status", CampaignStatus.effective(stored(campaign.item()), run.isPresent(),
                run.map(RunState::done).orElse(false)).wireName());
        run.ifPresent(r -> view.put("enqueued", r.enqueued()));
        return view;
    }

    private CampaignStatus status(ItemKey key, Versioned campaign) {
        Optional<RunState> run = run(key.id(), campaign.item());
        return CampaignStatus.effective(stored(campaign.item()), run.isPresent(), run.map(RunState::done).orElse(false));
    }

    private Optional<RunState> run(String campaignId, Map<String, AttributeValue> item) {
        AttributeValue runId = item.get("runId");
        return runId == null ? Optional.empty() : runs.findRun(campaignId, runId.s());
    }

    private static CampaignStatus stored(Map<String, AttributeValue> item) {
        AttributeValue status = item.get("status");
        return status == null ? null : CampaignStatus.parse(status.s());
    }

    /** The item as a definition body: without its key and state, as the schema reads a request. */
    private static JsonNode definition(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> definition = new HashMap<>(item);
        definition.remove("campaignId");
        definition.keySet().removeAll(CampaignSchema.STATE);
        return AttributeJson.json(definition);
    }

    private static UnaryOperator<Map<String, AttributeValue>> with(Map<String, AttributeValue> changes) {
        return now -> {
            Map<String, AttributeValue> next = new HashMap<>(now);
            next.putAll(changes);
            return next;
        };
    }

    private Instant future(String at) {
        if (at == null) {
            throw new BadRequestException("at", "at is required: the ISO-8601 instant to start, e.g. 2026-03-20T08:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at", "at must be an ISO-8601 instant, e.g. 2026-03-20T08:00:00Z");
        }
        if (!instant.isAfter(clock.instant())) {
            throw new BadRequestException("at", "at must be in the future");
        }
        if (instant.isAfter(LATEST_AT)) {
            throw new BadRequestException("at", "at must be before the year 10000");
        }
        return instant;
    }

    private VersionedItems items() {
        return collection.items();
    }
}
