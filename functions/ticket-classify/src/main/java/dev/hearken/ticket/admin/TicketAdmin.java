package dev.hearken.ticket.admin;

import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.admin.AuditEntry;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.ticket.domain.DecisionLookup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * ticket-classify's operator routes, every one IAM-authorised (a request without an authorised caller is a 401,
 * reads included: decisions quote what the models read in a ticket):
 * <ul>
 *   <li>{@value #RULES} {@code {ruleId}} and {@value #VIPS} {@code {vipKey}}: the collections
 *       ({@link AdminCollection}: list, create, read, update, delete, history);</li>
 *   <li>{@code GET }{@value #DECISIONS}: every decision the worker logged for a ticket, newest first (404 when none
 *       is, 400 when the id is not a Zendesk ticket id);</li>
 *   <li>{@code GET }{@value #AUDIT}{@code ?day=YYYY-MM-DD&limit=n}: what operators changed on a day (UTC; default
 *       today), across every kind of object of every module, newest first, at most {@value #MAX_LIMIT} entries
 *       (default {@value #DEFAULT_LIMIT}).</li>
 * </ul>
 */
public final class TicketAdmin {

    static final String RULES = "/admin/routing-rules";
    static final String VIPS = "/admin/vips";
    static final String DECISIONS = "/admin/tickets/{ticketId}/decisions";
    static final String AUDIT = "/admin/audit";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final AdminCollection rules;
    private final AdminCollection vips;
    private final DecisionLookup decisions;
    private final AuditTrail audit;
    private final Clock clock;

    public TicketAdmin(AdminCollection rules, AdminCollection vips, DecisionLookup decisions, AuditTrail audit,
            Clock clock) {
        this.rules = rules;
        this.vips = vips;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Serves one request to the route API Gateway matched. */
    public Reply serve(Request request) {
        // API Gateway has checked the caller already; refusing a request without one here too keeps an unsigned
        // call (the local gateway passes those on) from reading decisions or the audit trail.
        AdminRequests.author(request);
        String route = request.routeKey();
        String path = route.substring(route.indexOf(' ') + 1);
        if (path.equals(RULES) || path.startsWith(RULES + "/")) {
            return rules.serve(request);
        }
        if (path.equals(VIPS) || path.startsWith(VIPS + "/")) {
            return vips.serve(request);
        }
        if (route.equals("GET " + DECISIONS)) {
            long ticketId = request.path("ticketId", TicketAdmin::ticketId, "a Zendesk ticket id (a positive integer)");
            return Reply.ok(decisions.decisions(ticketId)
                    .orElseThrow(() -> AdminRefusal.notFound("decisions for ticket", Long.toString(ticketId))));
        }
        if (route.equals("GET " + AUDIT)) {
            return auditDay(request);
        }
        return Reply.error(404, "not_found", "no such operator route", null);
    }

    private Reply auditDay(Request request) {
        LocalDate day = request.query("day", LocalDate::parse, "a day YYYY-MM-DD")
                .orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        int limit = request.query("limit", TicketAdmin::limit, "a whole number 1-" + MAX_LIMIT).orElse(DEFAULT_LIMIT);
        List<AuditEntry> entries = audit.day(day.toString(), limit);
        return Reply.ok(Map.of("day", day.toString(), "count", entries.size(),
                "items", entries.stream().map(AdminRequests::view).toList()));
    }

    private static long ticketId(String value) {
        long id = Long.parseLong(value);
        if (id <= 0) {
            throw new IllegalArgumentException("not a ticket id");
        }
        return id;
    }

    private static int limit(String value) {
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range");
        }
        return limit;
    }
}
