package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.experiment.assign.aws.ExperimentAdmin;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * experiments-admin: the operator API of experiments (API Gateway HTTP API, IAM-authorised routes), described in
 * {@link ExperimentAdmin}: {@code GET/POST /admin/experiments}, {@code GET/PUT/DELETE
 * /admin/experiments/{experimentKey}}, {@code GET …/history}, and {@code POST …/start}, {@code …/stop},
 * {@code …/rollout}.
 */
public class ExperimentsAdminFunction {

    private static final String EXPERIMENT = "POST /admin/experiments/{experimentKey}";

    private final ExperimentAdmin admin;
    private final HttpEndpoint http;

    @Inject
    ExperimentsAdminFunction(ExperimentAdmin admin, HttpEndpoint http) {
        this.admin = admin;
        this.http = http;
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return http.handle("experiments-admin", event, ApiErrors::reply, request -> switch (request.routeKey()) {
            case EXPERIMENT + "/start" -> AdminRequests.object(200, admin.start(request));
            case EXPERIMENT + "/stop" -> AdminRequests.object(200, admin.stop(request));
            case EXPERIMENT + "/rollout" -> AdminRequests.object(200, admin.rollOut(request));
            default -> admin.serve(request);
        });
    }
}
