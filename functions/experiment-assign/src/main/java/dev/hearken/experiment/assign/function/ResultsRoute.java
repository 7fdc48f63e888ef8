package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The routes of the results API, read from the HTTP API event. */
sealed interface ResultsRoute {

    /** {@code GET /experiments/{key}/results}. */
    record Results(String experimentKey) implements ResultsRoute {}

    /** {@code POST /experiments/{key}/rollout}. */
    record Rollout(String experimentKey) implements ResultsRoute {}

    /** {@code POST /conversions}. */
    record Conversions() implements ResultsRoute {}

    /** {@code GET /programs/{program}/overview}. */
    record ProgramOverview(String program) implements ResultsRoute {}

    /** Anything else. */
    record Unknown(String method, String path) implements ResultsRoute {}

    Pattern RESULTS = Pattern.compile("^/experiments/([^/]+)/results/?$");
    Pattern ROLLOUT = Pattern.compile("^/experiments/([^/]+)/rollout/?$");
    Pattern CONVERSIONS = Pattern.compile("^/conversions/?$");
    Pattern OVERVIEW = Pattern.compile("^/programs/([^/]+)/overview/?$");

    /** Matches the raw path (API Gateway's path parameters are used when present). */
    static ResultsRoute of(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(java.util.Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath() : http == null ? "" : http.getPath();
        Map<String, String> params = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Matcher m;
        if (method.equals("GET") && (m = RESULTS.matcher(path)).matches()) {
            return new Results(params.getOrDefault("key", decode(m.group(1))));
        }
        if (method.equals("POST") && (m = ROLLOUT.matcher(path)).matches()) {
            return new Rollout(params.getOrDefault("key", decode(m.group(1))));
        }
        if (method.equals("POST") && CONVERSIONS.matcher(path).matches()) {
            return new Conversions();
        }
        if (method.equals("GET") && (m = OVERVIEW.matcher(path)).matches()) {
            return new ProgramOverview(params.getOrDefault("program", decode(m.group(1))));
        }
        return new Unknown(method, path);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
