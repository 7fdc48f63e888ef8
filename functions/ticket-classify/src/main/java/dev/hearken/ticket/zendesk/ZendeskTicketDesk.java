package dev.hearken.ticket.zendesk;

import dev.hearken.ticket.aws.ZendeskSecret;
import dev.hearken.ticket.domain.CommentAuthor;
import dev.hearken.ticket.domain.NewTicket;
import dev.hearken.ticket.domain.Organization;
import dev.hearken.ticket.domain.RateLimitedException;
import dev.hearken.ticket.domain.Requester;
import dev.hearken.ticket.domain.Ticket;
import dev.hearken.ticket.domain.TicketComment;
import dev.hearken.ticket.domain.TicketComments;
import dev.hearken.ticket.domain.TicketDesk;
import dev.hearken.ticket.domain.TicketNotFoundException;
import dev.hearken.ticket.domain.TicketUpdate;
import dev.hearken.ticket.domain.UpdateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link TicketDesk} and {@link TicketComments} over Zendesk's API with API-token auth
 * ({@code Basic base64("{email}/token:{api_token}")}, zendesk.md §1), mapping 404, 409 and 429 (with
 * {@code Retry-After}, §2) to the domain's exceptions.
 */
@ApplicationScoped
public class ZendeskTicketDesk implements TicketDesk, TicketComments {

    /** Comments read per follow-up: the newest page; the comment an event names was just added. */
    static final int COMMENTS_PAGE = 100;

    private final ZendeskApi api;
    private final ZendeskSecret secret;

    ZendeskTicketDesk(@RestClient ZendeskApi api, ZendeskSecret secret) {
        this.api = api;
        this.secret = secret;
    }

    @Override
    public Ticket ticket(long id) {
        ZendeskDtos.TicketObject t = call(id, () -> api.showTicket(id, authorization())).ticket();
        return new Ticket(t.id(), t.subject(), t.description(), lower(t.status()), lower(t.priority()), t.groupId(),
                t.tags(), t.requesterId(), t.organizationId(), t.updatedAt(), t.via() == null ? null : t.via().channel());
    }

    @Override
    public Requester requester(long userId) {
        ZendeskDtos.UserObject u = call(0, () -> api.showUser(userId, authorization())).user();
        return new Requester(u.id(), u.email(), u.locale(), u.organizationId());
    }

    @Override
    public Organization organization(long organizationId) {
        try {
            ZendeskDtos.OrganizationObject o = call(0, () -> api.showOrganization(organizationId, authorization()))
                    .organization();
            return new Organization(o.id(), o.tags());
        } catch (TicketNotFoundException e) {
            return null;
        }
    }

    @Override
    public List<TicketComment> newest(long ticketId) {
        ZendeskDtos.CommentsResponse page = call(ticketId,
                () -> api.listComments(ticketId, "-created_at", COMMENTS_PAGE, authorization()));
        if (page.comments() == null) {
            return List.of();
        }
        return page.comments().stream()
                .filter(c -> c.id() != null && c.authorId() != null)
                // "public" is optional in the OAS; Zendesk's default for a comment is public (zendesk.md §4).
                .map(c -> new TicketComment(c.id(), c.authorId(), c.body(), c.isPublic() == null || c.isPublic()))
                .toList();
    }

    /**
     * From ShowUser's {@code role}. Hearken's own comments are authored by the API user the secret
     * names (comments added through the API are the authenticated user's unless {@code author_id} is
     * set, and Hearken never sets it): recognised by its e-mail, which the contract does not promise
     * Zendesk returns unchanged, so a case-insensitive comparison. That user is an agent anyway, so a
     * mismatch still ignores the comment, only with a less precise reason.
     */
    @Override
    public CommentAuthor author(long userId) {
        ZendeskDtos.UserObject u;
        try {
            u = call(0, () -> api.showUser(userId, authorization())).user();
        } catch (TicketNotFoundException e) {
            return CommentAuthor.UNKNOWN;
        }
        if (u == null) {
            return CommentAuthor.UNKNOWN;
        }
        if (u.email() != null && u.email().equalsIgnoreCase(secret.apiEmail())) {
            return CommentAuthor.HEARKEN;
        }
        return switch (u.role() == null ? "" : u.role().toLowerCase(Locale.ROOT)) {
            case "end-user" -> CommentAuthor.END_USER;
            case "agent", "admin" -> CommentAuthor.AGENT;
            default -> CommentAuthor.UNKNOWN;
        };
    }

    @Override
    public void update(TicketUpdate u) {
        var body = new ZendeskDtos.TicketUpdateRequest(new ZendeskDtos.TicketUpdateInput(
                u.tags(), u.groupId(), u.priority(), u.status(), true, u.updatedStamp()));
        call(u.ticketId(), () -> api.updateTicket(u.ticketId(), body, authorization()));
    }

    /**
     * Filtered again here by exact {@code external_id}: Zendesk filters by the parameter, but a listing that
     * ignored it would look like "the ticket exists" and the review would reach nobody.
     */
    @Override
    public List<Long> ticketsByExternalId(String externalId) {
        ZendeskDtos.TicketsResponse page = call(0, () -> api.listTicketsByExternalId(externalId, authorization()));
        if (page == null || page.tickets() == null) {
            return List.of();
        }
        return page.tickets().stream()
                .filter(t -> t.id() != null && externalId.equals(t.externalId()))
                .map(ZendeskDtos.ListedTicket::id)
                .sorted()
                .toList();
    }

    @Override
    public long create(NewTicket t) {
        var body = new ZendeskDtos.TicketCreateRequest(new ZendeskDtos.TicketCreateInput(t.subject(),
                new ZendeskDtos.CreateComment(t.comment(), t.publicComment()), t.externalId(), t.groupId(),
                t.tags().isEmpty() ? null : t.tags(), t.priority()));
        ZendeskDtos.TicketResponse created = call(0, () -> api.createTicket(body, authorization()));
        if (created == null || created.ticket() == null || created.ticket().id() == null) {
            // Retried: the lookup by external id then finds the ticket if Zendesk did create it.
            throw new IllegalStateException("Zendesk's CreateTicket answer has no ticket id");
        }
        return created.ticket().id();
    }

    @Override
    public void markAsSpam(long ticketId) {
        call(ticketId, () -> {
            api.markAsSpam(ticketId, authorization());
            return null;
        });
    }

    private String authorization() {
        String credentials = secret.apiEmail() + "/token:" + secret.apiToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T call(long ticketId, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            switch (r.getStatus()) {
                case 404 -> throw new TicketNotFoundException(ticketId);
                case 409 -> throw new UpdateConflictException(ticketId);
                case 429 -> throw new RateLimitedException(retryAfter(r.getHeaderString("Retry-After")));
                default -> throw new ZendeskException(r.getStatus());
            }
        }
    }

    /** Retry-After in seconds (Zendesk sends seconds; an HTTP date or garbage falls back to 0 = caller's default). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    /** Any other Zendesk error: the message goes back to the queue and is retried. */
    public static final class ZendeskException extends RuntimeException {
        public ZendeskException(int status) {
            super("Zendesk answered " + status);
        }
    }
}
