package dev.hearken.experiment.assign.function;

import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.lifecycle.ExperimentStateException;
import dev.hearken.experiment.assign.lifecycle.InvalidExperimentException;
import dev.hearken.experiment.assign.results.InvalidRangeException;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.util.Optional;

/**
 * The answers to this context's own exceptions, with the codes the README and {@code events/README.md} document
 * ({@code invalid_event}, {@code experiment_not_found}, and the operator API's: {@code invalid_request} naming the
 * field, {@code invalid_state}, {@code version_conflict}, …); everything else is answered by {@code HttpEndpoint}.
 */
final class ApiErrors {

    private ApiErrors() {}

    static Optional<Reply> reply(RuntimeException e) {
        return Optional.ofNullable(switch (e) {
            case InvalidOutcomeException i -> Reply.error(400, "invalid_event", i.getMessage(), i.field());
            case InvalidRangeException r -> Reply.error(400, "invalid_request", r.getMessage(), r.field());
            case UnknownExperimentException u ->
                    Reply.error(404, "experiment_not_found", "no experiment with key '" + u.experimentKey() + "'", "key");
            case InvalidExperimentException i -> Reply.error(400, "invalid_request", i.getMessage(), i.field());
            case ExperimentStateException s -> AdminRequests.reply(AdminRefusal.invalidState(s.getMessage()));
            case AdminRefusal r -> AdminRequests.reply(r);
            default -> null;
        });
    }

    static Reply routeNotFound(String method, String path) {
        return Reply.error(404, "route_not_found", "no route " + method + " " + path, null);
    }
}
