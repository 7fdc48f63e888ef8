package dev.hearken.testing.fakes.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.HttpFake;
import dev.hearken.testing.fakes.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zendesk account that behaves like Zendesk for the calls Hearken makes ({@code shared/contracts/zendesk.md}
 * and the stored OAS): ShowTicket, UpdateTicket with {@code safe_update}, MarkTicketAsSpam, ShowUser,
 * ShowOrganization, ListTicketComments (a ticket's comments: its description as the requester's first
 * public comment, then the seeded follow-ups, then every update's {@code comment}), ListTickets (all, or by
 * {@code external_id}) and CreateTicket (201 with {@code Location}; the API user is the requester); API-token Basic auth
 * ({@code {email}/token:{api_token}}, 401 otherwise); classic
 * error bodies (404 {@code RecordNotFound}, 409 {@code UpdateConflict}, 422 {@code RecordInvalid}).
 *
 * <p>Update and create bodies are checked against the OAS {@code TicketUpdateRequest} / {@code TicketCreateRequest}
 * schemas (known properties of {@code TicketUpdateInput} / {@code TicketCreateInput} with their types and enums,
 * the required {@code comment} on creation): a violation is answered 422 and listed in
 * {@link #schemaViolations()}, so tests can assert a client sends only valid bodies. Faults (429 with
 * Retry-After, 5xx, delays) come from {@link HttpFake#inject}; a realistic collision is
 * {@link #agentEditsBeforeNextUpdate}.
 *
 * <p>Seeded with {@code seed.json} beside this class: the tickets of {@code events/ticket-classify/}, their
 * users (with {@code role}: end-users, an agent, and the API user {@link #API_USER_ID}, an agent whose
 * e-mail is {@link #API_EMAIL}) and follow-up comments.
 */
public final class ZendeskFake extends HttpFake {

    /** The API user and token the fake accepts; the test-only secret {@code hearken/zendesk} holds the same. */
    public static final String API_EMAIL = "hearken-bot@example.com";
    public static final String API_TOKEN = "hearken-local-zendesk-api-token";
    /** The user id comments added through the API are authored by (the API user, an agent). */
    public static final long API_USER_ID = 9100000000001L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TICKET = Pattern.compile("^/api/v2/tickets/(\\d+)(?:\\.json)?$");
    private static final Pattern TICKETS = Pattern.compile("^/api/v2/tickets(?:\\.json)?$");
    private static final Pattern COMMENTS = Pattern.compile("^/api/v2/tickets/(\\d+)/comments(?:\\.json)?$");
    private static final Pattern SPAM = Pattern.compile("^/api/v2/tickets/(\\d+)/mark_as_spam(?:\\.json)?$");
    private static final Pattern USER = Pattern.compile("^/api/v2/users/(\\d+)(?:\\.json)?$");
    private static final Pattern ORGANIZATION = Pattern.compile("^/api/v2/organizations/(\\d+)(?:\\.json)?$");

    /** OAS {@code TicketUpdateInput} properties. */
    private static final Set<String> UPDATE_PROPERTIES = Set.of("additional_collaborators", "assignee_email",
            "assignee_id", "attribute_value_ids", "collaborator_ids", "comment", "custom_fields", "custom_status_id",
            "due_at", "email_ccs", "external_id", "followers", "group_id", "organization_id", "priority", "problem_id",
            "requester_id", "safe_update", "sharing_agreement_ids", "status", "subject", "tags", "type",
            "updated_stamp");
    /** OAS {@code TicketCreateInput}: the update properties plus those only a creation takes. */
    private static final Set<String> CREATE_PROPERTIES = union(UPDATE_PROPERTIES, Set.of("brand_id", "collaborators",
            "email_cc_ids", "follower_ids", "macro_ids", "raw_subject", "recipient", "submitter_id", "ticket_form_id",
            "via", "via_followup_source_id"));
    private static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
    private static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
    private static final Set<String> TYPES = Set.of("problem", "incident", "question", "task");

    private final Map<Long, ObjectNode> tickets = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> organizations = new ConcurrentHashMap<>();
    private final Map<Long, List<ObjectNode>> comments = new ConcurrentHashMap<>();
    private long commentIds = 41000000000L;
    private final Map<Long, String> pendingAgentEdits = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private long auditIds = 206091192546L;
    /** Ids of tickets created through the API (above every seeded id). */
    private long ticketIds = 36000L;

    public ZendeskFake() {
        seed();
    }

    @Override
    public String name() {
        return "zendesk";
    }

    /**
     * {@code HEARKEN_ZENDESK_BASE_URL} points the functions at this fake. Nothing else: the functions keep
     * production's webhook signature window of five minutes, and whoever sends them a sample signs it again
     * first ({@link ZendeskWebhooks}).
     */
    @Override
    public Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HEARKEN_ZENDESK_BASE_URL", baseUri().toString());
        return env;
    }

    /** Restores the seeded tickets, users and organizations, and forgets requests, faults and violations. */
    @Override
    public synchronized void reset() {
        super.reset();
        violations.clear();
        pendingAgentEdits.clear();
        seed();
    }

    /** The ticket as the fake holds it now ({@code TicketObject}), or {@code null}. */
    public JsonNode ticket(long id) {
        ObjectNode t = tickets.get(id);
        return t == null ? null : t.deepCopy();
    }

    /** Adds or replaces a ticket ({@code TicketObject} JSON). */
    public void putTicket(String ticketJson) {
        ObjectNode t = (ObjectNode) read(ticketJson);
        tickets.put(t.path("id").asLong(), t);
        comments.remove(t.path("id").asLong());
        describe(t);
    }

    /** Adds or replaces a user ({@code UserObject} JSON: id, name, email, locale, organization_id, role). */
    public void putUser(String userJson) {
        ObjectNode u = (ObjectNode) read(userJson);
        users.put(u.path("id").asLong(), u);
    }

    /** Adds a comment as if {@code authorId} wrote it in Zendesk (e.g. an agent's public reply), bumping {@code updated_at}. */
    public synchronized void addComment(long ticketId, long authorId, String body, boolean isPublic) {
        ObjectNode t = tickets.get(ticketId);
        appendComment(ticketId, authorId, body, isPublic);
        if (t != null) {
            touch(t);
        }
    }

    /** The ticket's comments ({@code TicketCommentObject}), oldest first. */
    public List<JsonNode> commentsOf(long ticketId) {
        return List.copyOf(comments.getOrDefault(ticketId, List.of()));
    }

    /**
     * Simulates an agent editing the ticket between the client's read and its next update: the next
     * PUT on it first adds {@code tag} and bumps {@code updated_at}, so a safe update with the old
     * stamp gets a real 409.
     */
    public void agentEditsBeforeNextUpdate(long ticketId, String tag) {
        pendingAgentEdits.put(ticketId, tag);
    }

    /** Update bodies that broke the OAS schema, as readable messages. */
    public List<String> schemaViolations() {
        return List.copyOf(violations);
    }

    /** The tickets created through CreateTicket ({@code TicketObject}), oldest first. */
    public List<JsonNode> createdTickets() {
        return tickets.values().stream().filter(t -> t.path("via").path("channel").asText().equals("api"))
                .sorted(Comparator.comparingLong(t -> t.path("id").asLong()))
                .map(t -> (JsonNode) t.deepCopy()).toList();
    }

    /** The tickets whose {@code external_id} is {@code externalId}, oldest first. */
    public List<JsonNode> ticketsWithExternalId(String externalId) {
        return tickets.values().stream().filter(t -> externalId.equals(t.path("external_id").asText(null)))
                .sorted(Comparator.comparingLong(t -> t.path("id").asLong()))
                .map(t -> (JsonNode) t.deepCopy()).toList();
    }

    /** The successful PUT /api/v2/tickets/{id} bodies received for a ticket, oldest first. */
    public List<JsonNode> updatesOf(long ticketId) {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedRequest r : recorded()) {
            Matcher m = TICKET.matcher(r.path());
            if ("PUT".equals(r.method()) && m.matches() && Long.parseLong(m.group(1)) == ticketId && r.status() == 200) {
                out.add(read(r.body()));
            }
        }
        return out;
    }

    @Override
    protected synchronized FakeResponse handle(RecordedRequest request) {
        if (!authorised(request.header("authorization"))) {
            return FakeResponse.json(401, "{\"error\":\"Couldn't authenticate you\"}");
        }
        String path = request.path();
        Matcher m;
        if ((m = TICKET.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            return switch (request.method()) {
                case "GET" -> show("ticket", tickets.get(id));
                case "PUT" -> update(id, request.body());
                default -> notFound();
            };
        }
        if (TICKETS.matcher(path).matches()) {
            return switch (request.method()) {
                case "GET" -> listTickets(request.query());
                case "POST" -> create(request.body());
                default -> notFound();
            };
        }
        if ((m = COMMENTS.matcher(path)).matches() && "GET".equals(request.method())) {
            return listComments(Long.parseLong(m.group(1)), request.query());
        }
        if ((m = SPAM.matcher(path)).matches() && "PUT".equals(request.method())) {
            ObjectNode t = tickets.get(Long.parseLong(m.group(1)));
            if (t == null) {
                return notFound();
            }
            t.put("status", "closed");
            touch(t);
            // The OAS documents a 200 with an empty body.
            return new FakeResponse(200, Map.of("content-type", "application/json; charset=utf-8"), "");
        }
        if ((m = USER.matcher(path)).matches() && "GET".equals(request.method())) {
            return show("user", users.get(Long.parseLong(m.group(1))));
        }
        if ((m = ORGANIZATION.matcher(path)).matches() && "GET".equals(request.method())) {
            return show("organization", organizations.get(Long.parseLong(m.group(1))));
        }
        return notFound();
    }

    private FakeResponse update(long id, String body) {
        ObjectNode ticket = tickets.get(id);
        if (ticket == null) {
            return notFound();
        }
        String agentTag = pendingAgentEdits.remove(id);
        if (agentTag != null) {
            ((ArrayNode) ticket.withArray("tags")).add(agentTag);
            touch(ticket);
        }
        JsonNode input;
        try {
            input = JSON.readTree(body).path("ticket");
        } catch (IOException e) {
            return invalid("body is not JSON");
        }
        String violation = validate(input);
        if (violation != null) {
            violations.add("PUT /api/v2/tickets/" + id + ": " + violation);
            return invalid(violation);
        }
        if (input.path("safe_update").asBoolean(false)
                && !input.path("updated_stamp").asText("").equals(ticket.path("updated_at").asText())) {
            return FakeResponse.json(409, "{\"error\":\"UpdateConflict\",\"description\":\"Safe Update prevented the "
                    + "update due to outdated ticket data. Please fetch the latest ticket data and try again.\"}");
        }
        for (String field : List.of("tags", "group_id", "priority", "status", "type", "assignee_id", "subject")) {
            if (input.has(field)) {
                ticket.set(field, input.get(field).deepCopy());
            }
        }
        JsonNode comment = input.get("comment");
        if (comment != null) {
            // The API user is an agent; "public" defaults to true (zendesk.md §4).
            appendComment(id, API_USER_ID, comment.has("body") ? comment.path("body").asText()
                    : comment.path("html_body").asText(), comment.path("public").asBoolean(true));
        }
        touch(ticket);
        ObjectNode response = JSON.createObjectNode();
        response.set("ticket", withoutNulls(ticket));
        ObjectNode audit = response.putObject("audit");
        audit.put("id", ++auditIds);
        audit.put("ticket_id", id);
        audit.put("created_at", ticket.path("updated_at").asText());
        audit.putArray("events");
        return FakeResponse.json(200, response.toString());
    }

    /**
     * ListTickets: {@code {"tickets": [TicketObject]}} (OAS {@code TicketsResponse}), every ticket or, with
     * {@code external_id}, those whose external id equals it. One page: the fake holds few tickets.
     */
    private FakeResponse listTickets(String query) {
        String externalId = null;
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("external_id")) {
                externalId = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        String wanted = externalId;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("tickets");
        tickets.values().stream()
                .filter(t -> wanted == null || wanted.equals(t.path("external_id").asText(null)))
                .sorted(Comparator.comparingLong(t -> t.path("id").asLong()))
                .forEach(t -> list.add(withoutNulls(t)));
        return FakeResponse.json(200, body.toString());
    }

    /**
     * CreateTicket: 201 with {@code {"ticket": TicketObject}} and {@code Location} (OAS). A body without a requester
     * makes the authenticated API user requester and submitter — Zendesk's behaviour for a ticket an agent opens
     * through the API, which the contract does not state. The first comment becomes the description, its
     * {@code public} (default true) the ticket's {@code is_public}.
     */
    private FakeResponse create(String body) {
        JsonNode input;
        try {
            input = JSON.readTree(body).path("ticket");
        } catch (IOException e) {
            return invalid("body is not JSON");
        }
        String violation = validate(input, CREATE_PROPERTIES);
        if (violation == null && !input.path("comment").isObject()) {
            violation = "comment is required";
        }
        if (violation != null) {
            violations.add("POST /api/v2/tickets: " + violation);
            return invalid(violation);
        }
        long id = ++ticketIds;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode comment = input.get("comment");
        String text = comment.has("body") ? comment.path("body").asText() : comment.path("html_body").asText();
        boolean isPublic = comment.path("public").asBoolean(true);
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id);
        t.put("url", baseUri() + "/api/v2/tickets/" + id + ".json");
        t.put("subject", input.path("subject").asText(text.length() > 80 ? text.substring(0, 80) : text));
        t.put("description", text);
        t.put("status", input.path("status").asText("new"));
        for (String field : List.of("priority", "type", "group_id", "assignee_id", "external_id")) {
            t.set(field, input.has(field) ? input.get(field).deepCopy() : JSON.nullNode());
        }
        t.set("tags", input.has("tags") ? input.get("tags").deepCopy() : JSON.createArrayNode());
        t.put("requester_id", input.path("requester_id").asLong(API_USER_ID));
        t.put("submitter_id", API_USER_ID);
        t.putNull("organization_id");
        t.put("created_at", now);
        t.put("updated_at", now);
        t.putObject("via").put("channel", "api");
        t.put("is_public", isPublic);
        tickets.put(id, t);
        appendComment(id, API_USER_ID, text, isPublic);
        ObjectNode response = JSON.createObjectNode();
        response.set("ticket", withoutNulls(t));
        return FakeResponse.json(201, response.toString())
                .withHeader("location", baseUri() + "/api/v2/tickets/" + id + ".json");
    }

    /** The OAS TicketUpdateInput rules the fake enforces; {@code null} when the input is valid. */
    private static String validate(JsonNode input) {
        return validate(input, UPDATE_PROPERTIES);
    }

    /** The OAS rules of an update or create input with these known properties; {@code null} when valid. */
    private static String validate(JsonNode input, Set<String> properties) {
        if (!input.isObject()) {
            return "ticket must be an object";
        }
        for (Iterator<String> it = input.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!properties.contains(field)) {
                return "unknown property " + field;
            }
        }
        JsonNode comment = input.get("comment");
        if (comment != null && (!comment.isObject()
                || !(comment.path("body").isTextual() || comment.path("html_body").isTextual())
                || (comment.has("public") && !comment.get("public").isBoolean()))) {
            return "comment must be an object with a string body or html_body and a boolean public";
        }
        JsonNode tags = input.get("tags");
        if (tags != null && (!tags.isArray() || !allTextual(tags))) {
            return "tags must be an array of strings";
        }
        for (String integer : List.of("group_id", "assignee_id", "organization_id", "requester_id")) {
            if (input.has(integer) && !input.get(integer).isIntegralNumber() && !input.get(integer).isNull()) {
                return integer + " must be an integer";
            }
        }
        if (!enumOk(input, "priority", PRIORITIES) || !enumOk(input, "status", STATUSES) || !enumOk(input, "type", TYPES)) {
            return "priority, status or type is not one of the OAS enum values";
        }
        if (input.has("safe_update") && !input.get("safe_update").isBoolean()) {
            return "safe_update must be a boolean";
        }
        if (input.has("updated_stamp")) {
            try {
                Instant.parse(input.get("updated_stamp").asText());
            } catch (RuntimeException e) {
                return "updated_stamp must be a date-time";
            }
        }
        if ("closed".equals(input.path("status").asText(null))) {
            // Zendesk's documented RecordInvalid: a ticket cannot be closed through an update.
            return "Status: closed is not valid";
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean enumOk(JsonNode input, String field, Set<String> allowed) {
        return !input.has(field) || input.get(field).isNull() || allowed.contains(input.get(field).asText());
    }

    private static boolean authorised(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(API_EMAIL + "/token:" + API_TOKEN);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** ListTicketComments: oldest first, or newest first with {@code sort=-created_at}; one page of up to {@code page[size]} (100). */
    private FakeResponse listComments(long ticketId, String query) {
        if (!tickets.containsKey(ticketId)) {
            return notFound();
        }
        List<ObjectNode> all = new ArrayList<>(comments.getOrDefault(ticketId, List.of()));
        String q = query == null ? "" : java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
        if (q.contains("sort=-created_at")) {
            java.util.Collections.reverse(all);
        }
        Matcher size = Pattern.compile("page\\[size]=(\\d+)").matcher(q);
        int limit = size.find() ? Math.min(100, Integer.parseInt(size.group(1))) : 100;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode page = body.putArray("comments");
        all.stream().limit(limit).forEach(c -> page.add(c.deepCopy()));
        ObjectNode meta = body.putObject("meta");
        meta.put("has_more", all.size() > limit);
        meta.putNull("after_cursor");
        meta.putNull("before_cursor");
        ObjectNode links = body.putObject("links");
        links.putNull("prev");
        links.putNull("next");
        return FakeResponse.json(200, body.toString());
    }

    private void describe(ObjectNode ticket) {
        if (ticket.hasNonNull("description")) {
            appendComment(ticket.path("id").asLong(), ticket.path("requester_id").asLong(),
                    ticket.path("description").asText(), true);
        }
    }

    private synchronized void appendComment(long ticketId, long authorId, String body, boolean isPublic) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", ++commentIds);
        c.put("type", "Comment");
        c.put("author_id", authorId);
        c.put("body", body);
        c.put("public", isPublic);
        c.put("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        comments.computeIfAbsent(ticketId, k -> new CopyOnWriteArrayList<>()).add(c);
    }

    /** A strictly later {@code updated_at}, even for two updates within one second. */
    private static void touch(ObjectNode ticket) {
        Instant previous = Instant.parse(ticket.path("updated_at").asText("2026-01-01T00:00:00Z"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ticket.put("updated_at", (now.isAfter(previous) ? now : previous.plusSeconds(1)).toString());
    }

    /**
     * A copy without {@code null} properties: the OAS declares {@code group_id}, {@code priority},
     * {@code type}, … as non-nullable, so an unset one is absent in what the fake serves (the state it
     * keeps may hold nulls, as the seed does).
     */
    private static ObjectNode withoutNulls(ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        List<String> unset = new ArrayList<>();
        copy.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                unset.add(f.getKey());
            }
        });
        copy.remove(unset);
        return copy;
    }

    private static FakeResponse show(String wrapper, ObjectNode resource) {
        if (resource == null) {
            return notFound();
        }
        ObjectNode body = JSON.createObjectNode();
        body.set(wrapper, withoutNulls(resource));
        return FakeResponse.json(200, body.toString());
    }

    private static FakeResponse notFound() {
        return FakeResponse.json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }

    private static FakeResponse invalid(String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", "RecordInvalid");
        body.put("description", "Record validation errors");
        body.putObject("details").putArray("base").addObject().put("description", detail);
        return FakeResponse.json(422, body.toString());
    }

    private void seed() {
        tickets.clear();
        comments.clear();
        users.clear();
        organizations.clear();
        try (InputStream in = ZendeskFake.class.getResourceAsStream("seed.json")) {
            JsonNode seed = JSON.readTree(in);
            seed.path("tickets").forEach(t -> tickets.put(t.path("id").asLong(), (ObjectNode) t.deepCopy()));
            tickets.values().forEach(this::describe);
            seed.path("comments").forEach(c -> {
                ObjectNode comment = (ObjectNode) c.deepCopy();
                long ticketId = comment.remove("ticket_id").asLong();
                comments.computeIfAbsent(ticketId, k -> new CopyOnWriteArrayList<>()).add(comment);
            });
            seed.path("users").forEach(u -> users.put(u.path("id").asLong(), (ObjectNode) u.deepCopy()));
            seed.path("organizations").forEach(o -> organizations.put(o.path("id").asLong(), (ObjectNode) o.deepCopy()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Zendesk fake's seed.json", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
