package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The App Store Connect calls auto-reply makes (appstoreconnect.md); base URL {@code quarkus.rest-client.appstore.url}. */
@RegisterRestClient(configKey = "appstore")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AppStoreApi {

    /** {@code GET /v1/customerReviews/{id}?include=response}: the review and its response, if any. */
    @GET
    @Path("/customerReviews/{id}")
    JsonNode review(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @QueryParam("include") String include);

    /** {@code POST /v1/customerReviewResponses} → 201: creates or replaces the review's single response. */
    @POST
    @Path("/customerReviewResponses")
    JsonNode respond(@HeaderParam("Authorization") String authorization, JsonNode body);
}
