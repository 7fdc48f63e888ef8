package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.http.BadRequestException;
import java.util.Map;

/**
 * The body of an assignment request: {@code {"userId": "…", "attributes": {…}}}.
 *
 * @param userId     the user's id, the default hash attribute; a JSON number is accepted and turned
 *                   into its decimal string, as GrowthBook's SDKs do (hence a tree, not a string)
 * @param attributes targeting attributes (country, platform, appVersion, …): free-form, as
 *                   GrowthBook's conditions address them by name; may be absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssignmentRequest(JsonNode userId, Map<String, Object> attributes) {

    /** Longest user id accepted (DynamoDB sort keys allow 1 KB; real ids are far shorter). */
    static final int MAX_USER_ID_LENGTH = 256;

    /** The validated user id; a {@link BadRequestException} names the field. */
    public String user() {
        String id;
        if (userId == null || userId.isNull()) {
            throw new BadRequestException("userId", "userId is required");
        } else if (userId.isTextual()) {
            id = userId.textValue();
        } else if (userId.isNumber()) {
            id = userId.decimalValue().stripTrailingZeros().toPlainString();
        } else {
            throw new BadRequestException("userId", "userId must be a string");
        }
        if (id.isBlank()) {
            throw new BadRequestException("userId", "userId must not be blank");
        }
        if (id.length() > MAX_USER_ID_LENGTH) {
            throw new BadRequestException("userId", "userId is longer than " + MAX_USER_ID_LENGTH + " characters");
        }
        return id;
    }

    /** The attributes, empty when absent. */
    public Map<String, Object> targeting() {
        return attributes == null ? Map.of() : attributes;
    }
}
