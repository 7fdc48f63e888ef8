package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** androidpublisher v3 {@code reviews.get} and {@code reviews.reply} (googleplay.md §2); base URL {@code quarkus.rest-client.googleplay.url}. */
@RegisterRestClient(configKey = "googleplay")
@Path("/androidpublisher/v3/applications/{packageName}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GooglePlayApi {

    /** {@code reviews.get} → {@code Review}. */
    @GET
    @Path("/{reviewId}")
    JsonNode review(@HeaderParam("Authorization") String authorization, @PathParam("packageName") String packageName,
            @PathParam("reviewId") String reviewId);

    /** {@code reviews.reply}: {@code ReviewsReplyRequest} → {@code ReviewsReplyResponse}; creates or updates the reply. */
    @POST
    @Path("/{reviewId}:reply")
    JsonNode reply(@HeaderParam("Authorization") String authorization, @PathParam("packageName") String packageName,
            @PathParam("reviewId") String reviewId, JsonNode body);
}
