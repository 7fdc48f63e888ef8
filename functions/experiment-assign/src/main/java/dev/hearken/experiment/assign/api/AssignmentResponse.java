package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hearken.experiment.service.Assignment;
import java.util.List;

/** The answer to {@code POST /experiments/{key}/assignments}: the user and their assignment. */
public record AssignmentResponse(String userId, @JsonUnwrapped Item assignment) {

    public static AssignmentResponse of(String userId, Assignment assignment) {
        return new AssignmentResponse(userId, Item.of(assignment));
    }

    /** The answer to {@code POST /assignments}: every experiment for one user. */
    public record All(String userId, List<Item> assignments) {

        public static All of(String userId, List<Assignment> assignments) {
            return new All(userId, assignments.stream().map(Item::of).toList());
        }
    }

    /** One assignment, as GrowthBook's SDKs report an experiment result. */
    public record Item(String experimentKey, boolean inExperiment, int variationId, String variationKey, Object value,
            boolean hashUsed, String reason, boolean firstExposure) {

        static Item of(Assignment a) {
            return new Item(a.experimentKey(), a.inExperiment(), a.variationId(), a.variationKey(), a.value(),
                    a.hashUsed(), a.reason(), a.firstExposure());
        }
    }
}
