package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.http.BadRequestException;

/**
 * The body of {@code POST /experiments/{key}/rollout}: {@code {"variation", "by", "reason"}}.
 *
 * @param variation the variation's key or index (hence a tree: either a string or a number)
 * @param by        who rolls out; only used when the request carries no authorised IAM caller
 * @param reason    why, optional
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutRequest(JsonNode variation, String by, String reason) {

    /** Longest {@code by} and {@code reason} accepted. */
    static final int MAX_TEXT_LENGTH = 256;

    /** The variation's key, or its index as a string. */
    public String variationRef() {
        if (variation == null || variation.isNull()) {
            throw new BadRequestException("variation", "variation is required (its key or index)");
        }
        if (variation.isTextual() && !variation.textValue().isBlank()) {
            return variation.textValue();
        }
        if (variation.isInt()) {
            return Integer.toString(variation.intValue());
        }
        throw new BadRequestException("variation", "variation must be a variation key or index");
    }

    /**
     * Who rolls out: the IAM caller API Gateway authorised when there is one (a {@code by} in the body
     * cannot override it), else {@code by} from the body (the local runtime checks no signatures).
     */
    public String rolledOutBy(String iamCaller) {
        return iamCaller != null ? iamCaller : text("by", by, true);
    }

    /** The reason, if given. */
    public String validReason() {
        return text("reason", reason, false);
    }

    private static String text(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new BadRequestException(field, field + " is required");
            }
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
            throw new BadRequestException(field, field + " must be a non-blank string of at most " + MAX_TEXT_LENGTH
                    + " characters");
        }
        return value;
    }
}
