package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.results.InvalidRangeException;
import dev.hearken.experiment.service.UnknownExperimentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What the two HTTP handlers of this artifact share around their one service call: the body with
 * its size limit (413), client errors as JSON 4xx naming the field, anything unexpected as a 500
 * that quotes nothing of the input. Logs carry the route and the field, never user ids or bodies.
 */
@ApplicationScoped
class ApiEndpoint {

    private static final Logger LOG = Logger.getLogger(ApiEndpoint.class);

    private final HttpRequests requests;
    private final HttpResponses responses;

    ApiEndpoint(HttpRequests requests, HttpResponses responses) {
        this.requests = requests;
        this.responses = responses;
    }

    /** Runs {@code call} for route {@code route}, answering its errors. */
    APIGatewayV2HTTPResponse handle(String route, Supplier<APIGatewayV2HTTPResponse> call) {
        try {
            return call.get();
        } catch (PayloadTooLarge e) {
            LOG.infof("rejected %s: 413", route);
            return responses.error(413, "payload_too_large",
                    "request body exceeds " + HttpRequests.MAX_BODY_BYTES + " bytes", null);
        } catch (BadRequestException e) {
            return badRequest(route, "invalid_request", e.getMessage(), e.field());
        } catch (InvalidOutcomeException e) {
            return badRequest(route, "invalid_event", e.getMessage(), e.field());
        } catch (InvalidRangeException e) {
            return badRequest(route, "invalid_request", e.getMessage(), e.field());
        } catch (UnknownExperimentException e) {
            LOG.infof("rejected %s: 404 unknown experiment", route);
            return responses.error(404, "experiment_not_found", "no experiment with key '" + e.experimentKey() + "'", "key");
        } catch (RuntimeException e) {
            // No message: it may quote stored data. The class name and route are enough to triage.
            LOG.errorf("%s failed: %s", route, e.getClass().getName());
            return responses.error(500, "internal_error", "request failed; retry later", null);
        }
    }

    /** The request body, decoded; a body over {@link HttpRequests#MAX_BODY_BYTES} is answered with 413. */
    String body(APIGatewayV2HTTPEvent event) {
        String body = requests.rawBody(event);
        if (requests.tooLarge(body)) {
            throw new PayloadTooLarge();
        }
        return body;
    }

    APIGatewayV2HTTPResponse ok(Object body) {
        return responses.json(200, body);
    }

    APIGatewayV2HTTPResponse error(int status, String code, String message, String field) {
        return responses.error(status, code, message, field);
    }

    APIGatewayV2HTTPResponse routeNotFound(String method, String path) {
        return responses.error(404, "route_not_found", "no route " + method + " " + path, null);
    }

    /**
     * The ARN of the IAM principal API Gateway authorised (the route's {@code AWS_IAM} authoriser), or
     * {@code null} when the request did not pass one.
     */
    static String iamCaller(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        var iam = authorizer == null ? null : authorizer.getIam();
        String arn = iam == null ? null : iam.getUserArn();
        return arn == null || arn.isBlank() ? null : arn;
    }

    private APIGatewayV2HTTPResponse badRequest(String route, String code, String message, String field) {
        LOG.infof("rejected %s: 400 (%s)", route, field == null ? "body" : field);
        return responses.error(400, code, message, field);
    }

    private static final class PayloadTooLarge extends RuntimeException {
        PayloadTooLarge() {
            super(null, null, false, false);
        }
    }
}
