package dev.hearken.ticket.zendesk;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Zendesk Ticketing API endpoints the worker calls, with the paths of the stored OAS
 * ({@code shared/contracts/zendesk/oas.yaml}: ShowTicket, UpdateTicket, ShowUser, ShowOrganization,
 * MarkTicketAsSpamAndSuspendRequester). Base URL: {@code quarkus.rest-client.zendesk.url}, which
 * application.properties takes from {@code hearken.zendesk.base-url}. Errors (4xx/5xx) surface as
 * {@code WebApplicationException}s that {@link ZendeskTicketDesk} maps.
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

    @GET
    @Path("/organizations/{organizationId}")
    ZendeskDtos.OrganizationResponse showOrganization(@PathParam("organizationId") long organizationId,
            @HeaderParam("Authorization") String authorization);
}
