package dev.hearken.integrations.zendesk;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Every Zendesk Ticketing API endpoint Hearken calls, with the paths of the stored OAS
 * ({@code shared/contracts/zendesk/oas.yaml}: ShowTicket, UpdateTicket, ShowUser, ShowOrganization,
 * MarkTicketAsSpamAndSuspendRequester, ListTicketComments, ListTickets, CreateTicket). Base URL:
 * {@code quarkus.rest-client.zendesk.url} (this module's {@code META-INF/microprofile-config.properties} takes it
 * from {@code hearken.zendesk.base-url}). Errors (4xx/5xx) surface as {@code WebApplicationException}s that
 * {@link ZendeskClient} maps; callers use {@link ZendeskClient}, not this interface.
 */
@RegisterRestClient(configKey = "zendesk")
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ZendeskApi {

    @GET
    @Path("/tickets/{ticketId}")
    ZendeskDtos.TicketResponse showTicket(@PathParam("ticketId") long ticketId,
            @HeaderParam("Authorization") String authorization);

    /** {@code {"ticket": TicketUpdateInput}} → 200 {@code {"ticket", "audit"}}; 409 on a stale {@code updated_stamp}. */
    @PUT
    @Path("/tickets/{ticketId}")
    ZendeskDtos.TicketResponse updateTicket(@PathParam("ticketId") long ticketId,
            ZendeskDtos.TicketUpdateRequest body, @HeaderParam("Authorization") String authorization);

    @PUT
    @Path("/tickets/{ticketId}/mark_as_spam")
    void markAsSpam(@PathParam("ticketId") long ticketId, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/users/{userId}")
    ZendeskDtos.UserResponse showUser(@PathParam("userId") long userId,
            @HeaderParam("Authorization") String authorization);

    /**
     * ListTicketComments, one page. {@code sort} ({@code -created_at} = newest first) and {@code page[size]}
     * (at most 100) are cursor-pagination parameters the OAS operation describes in its text (and the
     * Pagination page), not as declared parameters.
     */
    @GET
    @Path("/tickets/{ticketId}/comments")
    ZendeskDtos.CommentsResponse listComments(@PathParam("ticketId") long ticketId, @QueryParam("sort") String sort,
            @QueryParam("page[size]") int pageSize, @HeaderParam("Authorization") String authorization);

    /**
     * ListTickets filtered by {@code external_id} (a declared parameter of the OAS operation). External ids need
     * not be unique, so several tickets may come back; only the first page is read (an id is ours, one or two).
     */
    @GET
    @Path("/tickets")
    ZendeskDtos.TicketsResponse listTicketsByExternalId(@QueryParam("external_id") String externalId,
            @HeaderParam("Authorization") String authorization);

    /** CreateTicket: 201 with {@code {"ticket": TicketObject}} (OAS {@code TicketResponse}). */
    @POST
    @Path("/tickets")
    ZendeskDtos.TicketResponse createTicket(ZendeskDtos.TicketCreateRequest body,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/organizations/{organizationId}")
    ZendeskDtos.OrganizationResponse showOrganization(@PathParam("organizationId") long organizationId,
            @HeaderParam("Authorization") String authorization);
}
