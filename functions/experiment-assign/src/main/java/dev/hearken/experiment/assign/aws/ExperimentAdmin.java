package dev.hearken.experiment.assign.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.admin.Versioned;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.experiment.assign.api.ExperimentRolloutRequest;
import dev.hearken.experiment.assign.lifecycle.Lifecycle;
import dev.hearken.experiment.assign.results.RolloutService;
import dev.hearken.experiment.assignment.Experiment;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The operator API of experiments, {@code /admin/experiments}: the {@link AdminCollection} routes (list, read,
 * create, edit, delete, history) under {@link Lifecycle}'s rules — created as drafts, edited freely only while
 * draft, deleted unless running — and the actions {@code POST …/{experimentKey}/start}, {@code …/stop} and
 * {@code …/rollout}. Every write names the version it is based on ({@code If-Match}, or {@code "version"} in the
 * body) and is audited under the IAM caller; every action answers the experiment as it now is, with its
 * {@code ETag}.
 *
 * <p>An edit or an action reaches assigning functions when their catalogue cache expires
 * ({@code hearken.experiments.cache-ttl}, 60 s by default).
 */
public final class ExperimentAdmin {

    private final AdminCollection collection;
    private final ExperimentSchema schema;
    private final VersionedExperiments experiments;
    private final RolloutService rollouts;

    public ExperimentAdmin(AdminCollection collection, ExperimentSchema schema, VersionedExperiments experiments,
            RolloutService rollouts) {
        this.collection = collection;
        this.schema = schema;
        this.experiments = experiments;
        this.rollouts = rollouts;
    }

    /** The collection's routes. */
    public Reply serve(Request request) {
        boolean one = request.hasPath(ExperimentSchema.KEY);
        return switch (request.method()) {
            case "POST" -> one ? collection.serve(request) : create(request);
            case "PUT" -> one ? put(request) : collection.serve(request);
            case "DELETE" -> one ? delete(request) : collection.serve(request);
            default -> collection.serve(request);
        };
    }

    /** {@code POST …/start}: a draft starts running. */
    public Versioned start(Request request) {
        return transition(request, "start", Lifecycle::started);
    }

    /** {@code POST …/stop}: a running experiment stops. */
    public Versioned stop(Request request) {
        return transition(request, "stop", Lifecycle::stopped);
    }

    /** {@code POST …/rollout}: {@link RolloutService}, based on the version the operator read. */
    public Versioned rollOut(Request request) {
        String author = AdminRequests.author(request);
        String key = request.pathId(ExperimentSchema.KEY);
        ExperimentRolloutRequest body = request.body(ExperimentRolloutRequest.class);
        long expected = AdminRequests.requiredVersion(request, request.tree());
        return switch (rollouts.rollOut(key, OptionalLong.of(expected), body.variationRef(), author,
                body.validReason())) {
            case RolloutService.Done d ->
                    experiments.find(key).orElseThrow(() -> AdminRefusal.notFound("experiment", key));
            case RolloutService.Refused r when r.code().equals("unknown_variation") ->
                    throw new BadRequestException("variation", r.message());
            case RolloutService.Refused r -> throw AdminRefusal.invalidState(r.message());
        };
    }

    private Versioned transition(Request request, String action, UnaryOperator<Experiment> transition) {
        String author = AdminRequests.author(request);
        return experiments.transition(request.pathId(ExperimentSchema.KEY), actionVersion(request), author, action,
                transition);
    }

    /** Create (POST): the collection's, for a draft only. */
    private Reply create(Request request) {
        AdminRequests.author(request);
        JsonNode key = request.tree().get(ExperimentSchema.KEY);
        if (key != null && key.isTextual()) {
            String id = Identifiers.require(ExperimentSchema.KEY, key.asText());
            Lifecycle.created(schema.experiment(id, request.tree()));
        }
        return collection.serve(request); // which refuses a body without a valid key
    }

    /** Edit (PUT with a version) under the lifecycle's rules; PUT without one creates a draft if absent. */
    private Reply put(Request request) {
        String author = AdminRequests.author(request);
        String key = request.pathId(ExperimentSchema.KEY);
        JsonNode body = request.tree();
        JsonNode inBody = body.get(ExperimentSchema.KEY);
        if (inBody != null && !(inBody.isTextual() && inBody.asText().equals(key))) {
            throw new BadRequestException(ExperimentSchema.KEY, "experimentKey in the body differs from the path");
        }
        Experiment proposed = schema.experiment(key, body);
        OptionalLong expected = AdminRequests.expectedVersion(request, body);
        if (expected.isPresent()) {
            return AdminRequests.object(200, experiments.edit(key, expected.getAsLong(), author, proposed,
                    schema.goalMetrics(body)));
        }
        if (experiments.find(key).isEmpty()) {
            Lifecycle.created(proposed);
        }
        return collection.serve(request); // creates it, or 428 when it exists
    }

    /** Delete, unless the version being deleted is running. */
    private Reply delete(Request request) {
        AdminRequests.author(request);
        String key = request.pathId(ExperimentSchema.KEY);
        long expected = AdminRequests.requiredVersion(request, null);
        experiments.find(key).filter(stored -> stored.version() == expected)
                .flatMap(stored -> experiments.readable(stored.item()))
                .ifPresent(Lifecycle::requireDeletable);
        return collection.serve(request); // conditional on that version
    }

    /** An action's version: {@code If-Match}, or a body that holds nothing but {@code "version"}. */
    private static long actionVersion(Request request) {
        JsonNode body = request.rawBody().isBlank() ? null : request.tree();
        if (body != null) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!field.equals("version")) {
                    throw new BadRequestException(field, field + " is not a field of this action: send If-Match "
                            + "or {\"version\": n}");
                }
            }
        }
        return AdminRequests.requiredVersion(request, body);
    }
}
