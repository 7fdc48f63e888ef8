package dev.hearken.integrations.zendesk;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.IntegrationException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateBudget;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.integration.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one Zendesk client: the {@link ZendeskApi} calls with API-token auth from {@link ZendeskSecret}, and one
 * error mapping to the kernel model — 429 → {@link RateLimitedException} (with {@code Retry-After}), 409 →
 * {@link ConflictException}, 404 → {@link NotFoundException}, anything else → {@link ServiceException}.
 * Each function adapts it to its own domain port.
 */
@ApplicationScoped
public class ZendeskClient {

    /** The service name in every exception this client throws. */
    public static final String SERVICE = "zendesk";

    /**
     * The wait after a 429 whose {@code Retry-After} is missing or unreadable. The contract (zendesk.md §2) states
     * that every 429 carries {@code Retry-After: <seconds>}, that clients must wait that long, and that account
     * limits are counted per minute; it does not say what to do without the header (nor whether an HTTP-date may
     * come). One minute waits out a whole rate-limit window, so the retry does not meet the same limit again.
     */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

    /** ListTicketComments' largest page. */
    public static final int MAX_PAGE = 100;

    private final ZendeskApi api;
    private final ZendeskSecret secret;
    private final RateBudget budget;
    private final String account;

    @Inject
    ZendeskClient(@RestClient ZendeskApi api, ZendeskSecret secret, RateBudget budget, ZendeskSettings settings) {
        this.api = api;
        this.secret = secret;
        this.budget = budget;
        this.account = URI.create(settings.baseUrl()).getHost();
    }

    /** ShowTicket; {@link NotFoundException} when there is no such ticket. */
    public ZendeskDtos.TicketObject ticket(long ticketId) {
        return call("ticket " + ticketId, () -> api.showTicket(ticketId, secret.authorization())).ticket();
    }

    /** ShowUser; {@link NotFoundException} when there is no such user. */
    public ZendeskDtos.UserObject user(long userId) {
        return call("user " + userId, () -> api.showUser(userId, secret.authorization())).user();
    }

    /** ShowOrganization; {@link NotFoundException} when there is no such organization. */
    public ZendeskDtos.OrganizationObject organization(long organizationId) {
        return call("organization " + organizationId,
                () -> api.showOrganization(organizationId, secret.authorization())).organization();
    }

    /** The ticket's newest comments, newest first: one page of at most {@link #MAX_PAGE}. */
    public List<ZendeskDtos.CommentObject> newestComments(long ticketId) {
        ZendeskDtos.CommentsResponse page = call("ticket " + ticketId,
                () -> api.listComments(ticketId, "-created_at", MAX_PAGE, secret.authorization()));
        return page == null || page.comments() == null ? List.of() : page.comments();
    }

    /** UpdateTicket; {@link ConflictException} when a safe update meets a newer ticket. */
    public void update(long ticketId, ZendeskDtos.TicketUpdateInput update) {
        // PUT /tickets/{id} has its own account limit besides the account's request limit (zendesk.md §2).
        budget.take(SERVICE, "ticket-updates", account);
        var body = new ZendeskDtos.TicketUpdateRequest(update);
        call("ticket " + ticketId, () -> api.updateTicket(ticketId, body, secret.authorization()));
    }

    /** MarkTicketAsSpamAndSuspendRequester. */
    public void markAsSpam(long ticketId) {
        call("ticket " + ticketId, () -> {
            api.markAsSpam(ticketId, secret.authorization());
            return null;
        });
    }

    /** ListTickets by {@code external_id}: the first page, as Zendesk filtered it. */
    public List<ZendeskDtos.ListedTicket> ticketsByExternalId(String externalId) {
        ZendeskDtos.TicketsResponse page = call("tickets with external id " + externalId,
                () -> api.listTicketsByExternalId(externalId, secret.authorization()));
        return page == null || page.tickets() == null ? List.of() : page.tickets();
    }

    /** CreateTicket; the created ticket, or {@code null} when the answer carries none. */
    public ZendeskDtos.TicketObject create(ZendeskDtos.TicketCreateInput ticket) {
        var body = new ZendeskDtos.TicketCreateRequest(ticket);
        ZendeskDtos.TicketResponse created = call("new ticket", () -> api.createTicket(body, secret.authorization()));
        return created == null ? null : created.ticket();
    }

    /** The e-mail of the API user: comments added through the API are authored by it. */
    public String apiEmail() {
        return secret.apiEmail();
    }

    private <T> T call(String object, Supplier<T> request) {
        // Every instance of every function shares the account's budget: spent, it is a 429 before the call.
        budget.take(SERVICE, "requests", account);
        try {
            return request.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 401) {
                // A rotated token: the next attempt reads the secret again instead of waiting for the cache.
                secret.forget();
            }
            throw error(e.getResponse(), object);
        }
    }

    /** The exception for a non-2xx answer about {@code object} (e.g. {@code ticket 35436}). */
    static RuntimeException error(Response response, String object) {
        return IntegrationException.forStatus(SERVICE, response.getStatus(), object,
                response.getHeaderString("Retry-After"), DEFAULT_RETRY_AFTER, null);
    }
}
