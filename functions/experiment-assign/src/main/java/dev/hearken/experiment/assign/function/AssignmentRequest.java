package dev.hearken.experiment.assign.function;

import dev.hearken.aws.http.BadRequestException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The body of an assignment request: {@code {"userId": "…", "attributes": {…}}}.
 *
 * @param userId     the user's id, the default hash attribute; a JSON number is accepted and turned
 *                   into its decimal string, as GrowthBook's SDKs do
 * @param attributes targeting attributes (country, platform, appVersion, …); may be empty
 */
public record AssignmentRequest(String userId, Map<String, Object> attributes) {

    /** Longest user id accepted (DynamoDB sort keys allow 1 KB; real ids are far shorter). */
    static final int MAX_USER_ID_LENGTH = 256;

    /** Validates a parsed JSON body; a {@link BadRequestException} names the offending field. */
    @SuppressWarnings("unchecked")
    static AssignmentRequest from(Map<String, Object> body) {
        Object rawId = body.get("userId");
        String userId = switch (rawId) {
            case null -> throw new BadRequestException("userId", "userId is required");
            case String s -> s;
            case Number n -> new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            default -> throw new BadRequestException("userId", "userId must be a string");
        };
        if (userId.isBlank()) {
            throw new BadRequestException("userId", "userId must not be blank");
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw new BadRequestException("userId", "userId is longer than " + MAX_USER_ID_LENGTH + " characters");
        }
        Object attributes = body.getOrDefault("attributes", Map.of());
        if (attributes == null) {
            attributes = Map.of();
        }
        if (!(attributes instanceof Map<?, ?>)) {
            throw new BadRequestException("attributes", "attributes must be a JSON object");
        }
        return new AssignmentRequest(userId, (Map<String, Object>) attributes);
    }
}
