package dev.hearken.experiment.service;

import dev.hearken.experiment.assignment.AssignmentResult;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.ExperimentRunner;
import dev.hearken.experiment.assignment.RunContext;
import dev.hearken.experiment.port.ExposureCounter;
import dev.hearken.experiment.port.ExposureLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns users to experiments the way GrowthBook's SDKs would, and records each user's first
 * exposure once. This is the in-process API that push-send and auto-reply call directly and that
 * the experiment-assign HTTP function wraps.
 *
 * <p>The user id is the {@code id} attribute (the default hash attribute), whatever the attributes
 * say, so exposures are recorded under the id that was hashed; callers' attributes are used for
 * targeting conditions and for experiments hashed on another attribute. Exposures are recorded
 * only for real hashed assignments ({@code hashUsed}), as GrowthBook's tracking callback does:
 * a forced winner or an excluded user is not part of the experiment's sample.
 *
 * <p>Each recorded first exposure is also counted per variation ({@link ExposureCounter}), the
 * denominators of results. The count is a separate write after the exposure: if it fails, the
 * assignment still answers and the failure is logged, so that variation's count is one short (the
 * exposures table stays the source of truth a roll-up could recount from). A transaction would
 * close that gap at twice the write cost on the hottest path.
 */
public final class AssignmentService {

    /** Attribute GrowthBook hashes on unless an experiment names another one. */
    public static final String ID_ATTRIBUTE = "id";

    private static final System.Logger LOG = System.getLogger(AssignmentService.class.getName());

    private final CachingExperimentCatalog catalog;
    private final ExposureLog exposures;
    private final ExposureCounter counter;
    private final Clock clock;
    private final RunContext context;

    public AssignmentService(CachingExperimentCatalog catalog, ExposureLog exposures, Clock clock) {
        this(catalog, exposures, ExposureCounter.NONE, clock);
    }

    public AssignmentService(CachingExperimentCatalog catalog, ExposureLog exposures, ExposureCounter counter, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.exposures = Objects.requireNonNull(exposures, "exposures");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.context = RunContext.defaults();
    }

    /**
     * Assigns {@code userId} to the experiment {@code experimentKey}.
     *
     * @throws UnknownExperimentException when the catalogue has no such experiment
     */
    public Assignment assign(String experimentKey, String userId, Map<String, Object> attributes) {
        Experiment experiment = catalog.find(experimentKey)
                .orElseThrow(() -> new UnknownExperimentException(experimentKey));
        return assign(experiment, userId, withId(userId, attributes));
    }

    /**
     * Assigns {@code userId} to every experiment that can still assign (not drafts), in catalogue
     * order. Experiments the user is not in are included with {@code inExperiment=false} so a
     * caller can tell "control" from "unknown".
     */
    public List<Assignment> assignAll(String userId, Map<String, Object> attributes) {
        Map<String, Object> attrs = withId(userId, attributes);
        List<Assignment> out = new ArrayList<>();
        for (Experiment experiment : catalog.all()) {
            if (!"draft".equals(experiment.status())) {
                out.add(assign(experiment, userId, attrs));
            }
        }
        return out;
    }

    private Assignment assign(Experiment experiment, String userId, Map<String, Object> attrs) {
        AssignmentResult result = ExperimentRunner.run(experiment, attrs, context);
        boolean first = false;
        if (result.inExperiment() && result.hashUsed()) {
            first = exposures.recordFirst(new Exposure(
                    experiment.key(),
                    userId,
                    result.variationId(),
                    result.variationKey(),
                    result.hashAttribute(),
                    result.bucket(),
                    clock.instant()));
            if (first) {
                count(experiment.key(), result.variationId());
            }
        }
        return Assignment.of(experiment.key(), result, first);
    }

    private void count(String experimentKey, int variationId) {
        try {
            counter.countFirstExposure(experimentKey, variationId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "first exposure recorded but not counted for {0} variation {1}: {2}",
                    experimentKey, variationId, e.getClass().getSimpleName());
        }
    }

    private static Map<String, Object> withId(String userId, Map<String, Object> attributes) {
        Objects.requireNonNull(userId, "userId");
        Map<String, Object> attrs = new HashMap<>(attributes == null ? Map.of() : attributes);
        attrs.put(ID_ATTRIBUTE, userId); // the user id is the identity; an "id" attribute cannot contradict it
        return attrs;
    }
}
