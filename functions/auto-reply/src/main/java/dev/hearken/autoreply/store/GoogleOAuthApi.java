package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Google's OAuth 2.0 token endpoint, JWT-bearer grant (googleplay.md §1); base URL {@code quarkus.rest-client.google-oauth.url}. */
@RegisterRestClient(configKey = "google-oauth")
public interface GoogleOAuthApi {

    String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** {@code POST /token} → {@code {"access_token","expires_in","token_type":"Bearer"}}. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode token(@FormParam("grant_type") String grantType, @FormParam("assertion") String assertion);
}
