package dev.hearken.ticket.zendesk;

import dev.hearken.integration.NotFoundException;
import dev.hearken.integrations.zendesk.ZendeskClient;
import dev.hearken.integrations.zendesk.ZendeskDtos;
import dev.hearken.ticket.domain.CommentAuthor;
import dev.hearken.ticket.domain.NewTicket;
import dev.hearken.ticket.domain.Organization;
import dev.hearken.ticket.domain.Requester;
import dev.hearken.ticket.domain.Ticket;
import dev.hearken.ticket.domain.TicketComment;
import dev.hearken.ticket.domain.TicketComments;
import dev.hearken.ticket.domain.TicketDesk;
import dev.hearken.ticket.domain.TicketUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * ticket-classify's {@link TicketDesk} and {@link TicketComments} over the one {@link ZendeskClient}, which maps
 * 404, 409 and 429 to the kernel's exceptions.
 */
@ApplicationScoped
public class ZendeskRoutingDesk implements TicketDesk, TicketComments {

    private final ZendeskClient zendesk;

    ZendeskRoutingDesk(ZendeskClient zendesk) {
        this.zendesk = zendesk;
    }

    @Override
    public Ticket ticket(long id) {
        ZendeskDtos.TicketObject t = zendesk.ticket(id);
        return new Ticket(t.id(), t.subject(), t.description(), lower(t.status()), lower(t.priority()), t.groupId(),
                t.tags(), t.requesterId(), t.organizationId(), t.updatedAt(), t.via() == null ? null : t.via().channel());
    }

    @Override
    public Requester requester(long userId) {
        ZendeskDtos.UserObject u = zendesk.user(userId);
        return new Requester(u.id(), u.email(), u.locale(), u.organizationId());
    }

    @Override
    public Organization organization(long organizationId) {
        try {
            ZendeskDtos.OrganizationObject o = zendesk.organization(organizationId);
            return new Organization(o.id(), o.tags());
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public List<TicketComment> newest(long ticketId) {
        return zendesk.newestComments(ticketId).stream()
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
            u = zendesk.user(userId);
        } catch (NotFoundException e) {
            return CommentAuthor.UNKNOWN;
        }
        if (u == null) {
            return CommentAuthor.UNKNOWN;
        }
        if (u.email() != null && u.email().equalsIgnoreCase(zendesk.apiEmail())) {
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
        zendesk.update(u.ticketId(), new ZendeskDtos.TicketUpdateInput(
                u.tags(), u.groupId(), u.priority(), u.status(), true, u.updatedStamp()));
    }

    /**
     * Filtered again here by exact {@code external_id}: Zendesk filters by the parameter, but a listing that
     * ignored it would look like "the ticket exists" and the review would reach nobody.
     */
    @Override
    public List<Long> ticketsByExternalId(String externalId) {
        return zendesk.ticketsByExternalId(externalId).stream()
                .filter(t -> t.id() != null && externalId.equals(t.externalId()))
                .map(ZendeskDtos.ListedTicket::id)
                .sorted()
                .toList();
    }

    @Override
    public long create(NewTicket t) {
        ZendeskDtos.TicketObject created = zendesk.create(new ZendeskDtos.TicketCreateInput(t.subject(),
                new ZendeskDtos.Comment(t.comment(), t.publicComment()), t.externalId(), t.groupId(),
                t.tags().isEmpty() ? null : t.tags(), t.priority()));
        if (created == null || created.id() == null) {
            // Retried: the lookup by external id then finds the ticket if Zendesk did create it.
            throw new IllegalStateException("Zendesk's CreateTicket answer has no ticket id");
        }
        return created.id();
    }

    @Override
    public void markAsSpam(long ticketId) {
        zendesk.markAsSpam(ticketId);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
