package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /admin/experiments/{experimentKey}/rollout}: {@code {"variation", "reason", "version"}}.
 * Unlike the results API's {@link RolloutRequest} it has no {@code by}: the operator API always records the IAM
 * caller. Bound strictly: an unknown field is a 400 naming it.
 *
 * @param variation the variation's key or index
 * @param reason    why, optional
 * @param version   the version rolled out from, if not sent as {@code If-Match}
 */
public record ExperimentRolloutRequest(JsonNode variation, String reason, Long version) {

    /** The variation's key, or its index as a string; 400 naming {@code variation} otherwise. */
    public String variationRef() {
        return new RolloutRequest(variation, null, reason).variationRef();
    }

    /** The reason, if given; 400 naming {@code reason} when blank or too long. */
    public String validReason() {
        return new RolloutRequest(variation, null, reason).validReason();
    }
}
