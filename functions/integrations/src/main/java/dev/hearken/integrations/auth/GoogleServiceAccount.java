package dev.hearken.integrations.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fields of a Google service-account key file (the secret's JSON) that the token exchange uses. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleServiceAccount(
        @JsonProperty("client_email") String clientEmail,
        @JsonProperty("private_key_id") String privateKeyId,
        @JsonProperty("private_key") String privateKey,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("token_uri") String tokenUri) {
}
