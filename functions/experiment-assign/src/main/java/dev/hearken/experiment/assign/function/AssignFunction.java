package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.experiment.service.Assignment;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.experiment.service.UnknownExperimentException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * experiment-assign: the HTTP API (API Gateway HTTP API, payload format 2.0) in front of
 * {@link AssignmentService}. Funqy maps the whole API Gateway envelope, so the body is read here.
 *
 * <p>Client errors are answered with a JSON 4xx and write nothing; logs carry the experiment key
 * and the outcome, never the user id or attributes.
 */
public class AssignFunction {

    private static final Logger LOG = Logger.getLogger(AssignFunction.class);

    private final AssignmentService assignments;
    private final HttpRequests requests;
    private final HttpResponses responses;

    @Inject
    AssignFunction(AssignmentService assignments, HttpRequests requests, HttpResponses responses) {
        this.assignments = assignments;
        this.requests = requests;
        this.responses = responses;
    }

    @Funq("assign")
    public APIGatewayV2HTTPResponse assign(APIGatewayV2HTTPEvent event) {
        AssignRoute route = AssignRoute.of(event);
        try {
            if (route instanceof AssignRoute.Unknown unknown) {
                return responses.error(404, "route_not_found",
                        "no route " + unknown.method() + " " + unknown.path(), null);
            }
            String body = requests.rawBody(event);
            if (requests.tooLarge(body)) {
                return responses.error(413, "payload_too_large",
                        "request body exceeds " + HttpRequests.MAX_BODY_BYTES + " bytes", null);
            }
            AssignmentRequest request = AssignmentRequest.from(requests.jsonObject(body));
            return switch (route) {
                case AssignRoute.One one -> responses.json(200, view(request.userId(),
                        assignments.assign(one.experimentKey(), request.userId(), request.attributes())));
                case AssignRoute.All all -> responses.json(200, batchView(request.userId(),
                        assignments.assignAll(request.userId(), request.attributes())));
                case AssignRoute.Unknown unknown -> throw new IllegalStateException("handled above");
            };
        } catch (BadRequestException e) {
            LOG.infof("rejected assignment request: 400 (%s)", e.field() == null ? "body" : e.field());
            return responses.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (UnknownExperimentException e) {
            LOG.infof("rejected assignment request: 404 unknown experiment");
            return responses.error(404, "experiment_not_found",
                    "no experiment with key '" + e.experimentKey() + "'", "key");
        } catch (RuntimeException e) {
            // No message: it may quote stored data. The class name and route are enough to triage.
            LOG.errorf("assignment failed: %s on %s", e.getClass().getName(), route.getClass().getSimpleName());
            return responses.error(500, "internal_error", "assignment failed; retry later", null);
        }
    }

    private static Map<String, Object> view(String userId, Assignment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", userId);
        out.putAll(fields(a));
        return out;
    }

    private static Map<String, Object> batchView(String userId, List<Assignment> all) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Assignment a : all) {
            items.add(fields(a));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", userId);
        out.put("assignments", items);
        return out;
    }

    private static Map<String, Object> fields(Assignment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experimentKey", a.experimentKey());
        out.put("inExperiment", a.inExperiment());
        out.put("variationId", a.variationId());
        out.put("variationKey", a.variationKey());
        out.put("value", a.value());
        out.put("hashUsed", a.hashUsed());
        out.put("reason", a.reason());
        out.put("firstExposure", a.firstExposure());
        return out;
    }
}
