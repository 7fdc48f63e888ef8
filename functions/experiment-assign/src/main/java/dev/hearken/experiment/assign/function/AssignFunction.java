package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.experiment.assign.api.ApiJson;
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
    private final ApiEndpoint http;
    private final ApiJson json;

    @Inject
    AssignFunction(AssignmentService assignments, ApiEndpoint http, ApiJson json) {
        this.assignments = assignments;
        this.http = http;
        this.json = json;
    }

    @Funq("assign")
    public APIGatewayV2HTTPResponse assign(APIGatewayV2HTTPEvent event) {
        AssignRoute route = AssignRoute.of(event);
        return http.handle("assign " + route.getClass().getSimpleName(), () -> switch (route) {
            case AssignRoute.One one -> {
                AssignmentRequest request = json.read(http.body(event), AssignmentRequest.class);
                yield http.ok(AssignmentResponse.of(request.user(),
                        assignments.assign(one.experimentKey(), request.user(), request.targeting())));
            }
            case AssignRoute.All all -> {
                AssignmentRequest request = json.read(http.body(event), AssignmentRequest.class);
                yield http.ok(AssignmentResponse.All.of(request.user(),
                        assignments.assignAll(request.user(), request.targeting())));
            }
            case AssignRoute.Unknown unknown -> http.routeNotFound(unknown.method(), unknown.path());
        });
    }
}
