package dev.hearken.experiment.port;

import dev.hearken.experiment.assignment.Experiment;
import java.util.List;

/**
 * Where experiment definitions live (DynamoDB in production, a map in tests).
 *
 * <p>Implementations may be slow (a network round trip); callers that assign on a hot path wrap
 * them in {@link dev.hearken.experiment.service.CachingExperimentCatalog}.
 */
public interface ExperimentCatalog {

    /** Every stored experiment, whatever its status. The catalogue is small (hundreds at most). */
    List<Experiment> all();
}
