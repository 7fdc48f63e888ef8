package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.experiment.assign.api.AssignmentRequest;
import dev.hearken.experiment.assign.api.AssignmentResponse;
import dev.hearken.experiment.service.AssignmentService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * experiment-assign: the HTTP API (API Gateway HTTP API, payload format 2.0) in front of
 * {@link AssignmentService}. Client errors are a JSON 4xx and write nothing.
 */
public class AssignFunction {

    private final AssignmentService assignments;
    private final HttpEndpoint http;

    @Inject
    AssignFunction(AssignmentService assignments, HttpEndpoint http) {
        this.assignments = assignments;
        this.http = http;
    }

    @Funq("assign")
    public APIGatewayV2HTTPResponse assign(APIGatewayV2HTTPEvent event) {
        AssignRoute route = AssignRoute.of(event);
        return http.handle("assign " + route.getClass().getSimpleName(), event, ApiErrors::reply,
                request -> switch (route) {
                    case AssignRoute.One one -> one(Identifiers.require("key", one.experimentKey()),
                            request.body(AssignmentRequest.class));
                    case AssignRoute.All all -> all(request.body(AssignmentRequest.class));
                    case AssignRoute.Unknown unknown -> ApiErrors.routeNotFound(unknown.method(), unknown.path());
                });
    }

    private Reply one(String experimentKey, AssignmentRequest body) {
        String user = body.user();
        return Reply.ok(AssignmentResponse.of(user, assignments.assign(experimentKey, user, body.targeting())));
    }

    private Reply all(AssignmentRequest body) {
        String user = body.user();
        return Reply.ok(AssignmentResponse.All.of(user, assignments.assignAll(user, body.targeting())));
    }
}
