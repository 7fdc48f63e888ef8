package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.Identifiers;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.experiment.assign.api.Conversions;
import dev.hearken.experiment.assign.api.ConversionsResponse;
import dev.hearken.experiment.assign.api.OverviewResponse;
import dev.hearken.experiment.assign.api.ResultsQuery;
import dev.hearken.experiment.assign.api.ResultsResponse;
import dev.hearken.experiment.assign.api.RolloutRequest;
import dev.hearken.experiment.assign.api.RolloutResponse;
import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.results.ProgramOverviewService;
import dev.hearken.experiment.assign.results.ResultsService;
import dev.hearken.experiment.assign.results.RolloutService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * experiment-results: the results API (API Gateway HTTP API, payload format 2.0).
 * <ul>
 *   <li>{@code GET /experiments/{key}/results?test=&difference=&alpha=&goal=}: per variation and metric,
 *       effects with intervals and p-values, chance to win and risk, the SRM check and the proposed winner;</li>
 *   <li>{@code POST /experiments/{key}/rollout} {@code {"variation","by","reason"}}: the explicit rollout.
 *       Deployed, the route requires a SigV4-signed IAM caller and the caller's ARN is recorded as
 *       {@code by} (see {@link RolloutRequest#rolledOutBy});</li>
 *   <li>{@code POST /conversions}: one outcome event, or {@code {"events":[…]}} (see {@link Conversions});</li>
 *   <li>{@code GET /programs/{program}/overview?from=&to=}: per day counters of a program.</li>
 * </ul>
 * Every client error is a JSON 4xx; a malformed conversions request records nothing.
 */
public class ResultsFunction {

    private final ResultsService results;
    private final RolloutService rollouts;
    private final ConversionService conversions;
    private final ProgramOverviewService programs;
    private final HttpEndpoint http;
    private final JsonBodies json;
    private final Clock clock;

    @Inject
    ResultsFunction(ResultsService results, RolloutService rollouts, ConversionService conversions,
            ProgramOverviewService programs, HttpEndpoint http, JsonBodies json, Clock clock) {
        this.results = results;
        this.rollouts = rollouts;
        this.conversions = conversions;
        this.programs = programs;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Funq("results")
    public APIGatewayV2HTTPResponse results(APIGatewayV2HTTPEvent event) {
        ResultsRoute route = ResultsRoute.of(event);
        return http.handle(route.getClass().getSimpleName(), event, ApiErrors::reply, request -> switch (route) {
            case ResultsRoute.Results r -> Reply.ok(ResultsResponse.of(results.results(
                    Identifiers.require("key", r.experimentKey()), ResultsQuery.options(results.defaults(), request::query))));
            case ResultsRoute.Rollout r -> rollout(Identifiers.require("key", r.experimentKey()),
                    request.body(RolloutRequest.class), request.iamCaller());
            case ResultsRoute.Conversions c -> Reply.ok(ConversionsResponse.of(
                    record(Conversions.parse(json, request.rawBody(), clock.instant()))));
            case ResultsRoute.ProgramOverview p -> Reply.ok(OverviewResponse.of(programs.overview(
                    Identifiers.require("program", p.program()),
                    ResultsQuery.date(request::query, "from"), ResultsQuery.date(request::query, "to"))));
            case ResultsRoute.Unknown u -> ApiErrors.routeNotFound(u.method(), u.path());
        });
    }

    private Reply rollout(String experimentKey, RolloutRequest request, String iamCaller) {
        // No version: the results API rolls out whatever version is current (the operator API names one).
        return switch (rollouts.rollOut(experimentKey, OptionalLong.empty(), request.variationRef(),
                request.rolledOutBy(iamCaller), request.validReason())) {
            case RolloutService.Done d -> Reply.ok(RolloutResponse.of(d));
            case RolloutService.Refused r when r.code().equals("unknown_variation") ->
                    Reply.error(400, r.code(), r.message(), "variation");
            case RolloutService.Refused r -> Reply.error(409, r.code(), r.message(), null);
        };
    }

    private List<ConversionOutcome> record(Conversions request) {
        return switch (request) {
            case Conversions.One one -> List.of(conversions.recordOne(one.event()));
            case Conversions.Batch batch -> conversions.recordAll(batch.events());
        };
    }
}
