package dev.hearken.experiment.assign.function;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway (payload 2.0) envelopes of the operator API, as its IAM-authorised routes deliver them: the route key,
 * the path parameters and, for a signed caller, {@code requestContext.authorizer.iam}. The samples in
 * {@code events/experiments-admin/} stay the reference for the shape.
 */
final class AdminEvents {

    /** The caller of the samples: an operator's role session. */
    static final String ANA = "arn:aws:sts::123456789012:assumed-role/hearken-operators/ana.lima";

    private AdminEvents() {}

    /**
     * @param routeKey e.g. {@code POST /admin/experiments/{experimentKey}/start}
     * @param params   the path parameters, substituted into the route's path
     * @param ifMatch  the {@code If-Match} header, or {@code null}
     * @param body     serialised as JSON (a {@code String} is sent as it is), or {@code null}
     * @param caller   the IAM caller's ARN, or {@code null} for an unsigned request
     */
    static String http(String routeKey, Map<String, String> params, String ifMatch, Object body, String caller) {
        String[] methodAndPath = routeKey.split(" ", 2);
        String path = methodAndPath[1];
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, Object> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("http", Map.of("method", methodAndPath[0], "path", path));
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        if (caller != null) {
            context.put("authorizer", Map.of("iam", Map.of("userArn", caller, "accountId", "123456789012")));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        if (!params.isEmpty()) {
            event.put("pathParameters", params);
        }
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body instanceof String text ? text : ApiEvents.write(body));
        }
        event.put("isBase64Encoded", false);
        return ApiEvents.write(event);
    }
}
