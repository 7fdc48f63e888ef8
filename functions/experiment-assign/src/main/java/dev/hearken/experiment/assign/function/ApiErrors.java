package dev.hearken.experiment.assign.function;

import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.results.InvalidRangeException;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.util.Optional;

/**
 * The answers to this context's own exceptions, with the codes the README and {@code events/README.md} document
 * ({@code invalid_event}, {@code experiment_not_found}); everything else is answered by {@code HttpEndpoint}.
 */
final class ApiErrors {

    private ApiErrors() {}

    static Optional<Reply> reply(RuntimeException e) {
        return Optional.ofNullable(switch (e) {
            case InvalidOutcomeException i -> Reply.error(400, "invalid_event", i.getMessage(), i.field());
            case InvalidRangeException r -> Reply.error(400, "invalid_request", r.getMessage(), r.field());
            case UnknownExperimentException u ->
                    Reply.error(404, "experiment_not_found", "no experiment with key '" + u.experimentKey() + "'", "key");
            default -> null;
        });
    }

    static Reply routeNotFound(String method, String path) {
        return Reply.error(404, "route_not_found", "no route " + method + " " + path, null);
    }
}
