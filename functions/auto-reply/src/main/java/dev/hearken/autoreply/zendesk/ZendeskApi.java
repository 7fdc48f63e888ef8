package dev.hearken.autoreply.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Zendesk Ticketing API calls auto-reply makes ({@code shared/contracts/zendesk.md}); base URL
 * {@code quarkus.rest-client.zendesk.url}. Non-2xx answers arrive as {@code WebApplicationException}.
 */
@RegisterRestClient(configKey = "zendesk")
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ZendeskApi {

    /** {@code {"ticket": TicketObject}} (ShowTicket). */
    @GET
    @Path("/tickets/{id}")
    JsonNode ticket(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    /** {@code {"comments": [...]}}, newest first with {@code sort=-created_at} (ListTicketComments, cursor pagination). */
    @GET
    @Path("/tickets/{id}/comments")
    JsonNode comments(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            @QueryParam("sort") String sort, @QueryParam("page[size]") int pageSize);

    /** {@code {"user": UserObject}} (ShowUser). */
    @GET
    @Path("/users/{id}")
    JsonNode user(@HeaderParam("Authorization") String authorization, @PathParam("id") long id);

    /** {@code {"ticket": TicketUpdateInput}} → 200 {@code {"ticket", "audit"}}; 409 on a stale {@code updated_stamp}. */
    @PUT
    @Path("/tickets/{id}")
    JsonNode update(@HeaderParam("Authorization") String authorization, @PathParam("id") long id, JsonNode body);
}
