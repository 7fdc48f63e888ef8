package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two routes this function serves, read from the HTTP API event. */
sealed interface AssignRoute {

    /** {@code POST /experiments/{key}/assignments}: one experiment. */
    record One(String experimentKey) implements AssignRoute {}

    /** {@code POST /assignments}: every experiment for one user. */
    record All() implements AssignRoute {}

    /** Anything else. */
    record Unknown(String method, String path) implements AssignRoute {}

    Pattern ONE = Pattern.compile("^/experiments/([^/]+)/assignments/?$");
    Pattern ALL = Pattern.compile("^/assignments/?$");

    /**
     * API Gateway gives the matched route and its path parameters; a bare path (a direct invoke,
     * a stage prefix) is matched as a fallback so the function does not depend on route keys.
     */
    static AssignRoute of(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null ? "POST" : http.getMethod();
        String path = event.getRawPath() == null ? (http == null ? "" : http.getPath()) : event.getRawPath();
        if (!"POST".equalsIgnoreCase(method)) {
            return new Unknown(method, path);
        }
        Map<String, String> params = event.getPathParameters();
        if (params != null && params.get("key") != null && !params.get("key").isBlank()) {
            return new One(params.get("key"));
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            return new One(java.net.URLDecoder.decode(one.group(1), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (ALL.matcher(path).matches()) {
            return new All();
        }
        return new Unknown(method, path);
    }
}
