package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.results.ProgramOverviewService;
import dev.hearken.experiment.assign.results.ResultsOptions;
import dev.hearken.experiment.assign.results.ResultsService;
import dev.hearken.experiment.assign.results.RolloutService;
import dev.hearken.experiment.service.UnknownExperimentException;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * experiment-results: the results API (API Gateway HTTP API, payload format 2.0).
 * <ul>
 *   <li>{@code GET /experiments/{key}/results?test=&difference=&alpha=&goal=}: per variation and metric,
 *       effects with intervals and p-values, chance to win and risk, the SRM check and the proposed winner;</li>
 *   <li>{@code POST /experiments/{key}/rollout} {@code {"variation","by","reason"}}: the explicit rollout.
 *       Deployed, the route requires a SigV4-signed IAM caller and the caller's ARN is recorded as
 *       {@code by} (a {@code by} in the body cannot override it); {@code by} from the body is only used
 *       when there is no authorised caller (the local runtime, which does not check signatures);</li>
 *   <li>{@code POST /conversions}: one outcome event, or {@code {"events":[…]}} (up to {@value #MAX_EVENTS});</li>
 *   <li>{@code GET /programs/{program}/overview?from=&to=}: per day counters of a program.</li>
 * </ul>
 * Every client error is a JSON 4xx; a malformed conversions request records nothing.
 */
public class ResultsFunction {

    private static final Logger LOG = Logger.getLogger(ResultsFunction.class);

    /** Most events one HTTP request may carry. */
    static final int MAX_EVENTS = 100;

    private final ResultsService results;
    private final RolloutService rollouts;
    private final ConversionService conversions;
    private final ProgramOverviewService programs;
    private final HttpRequests requests;
    private final HttpResponses responses;
    private final Clock clock;

    @Inject
    ResultsFunction(ResultsService results, RolloutService rollouts, ConversionService conversions,
            ProgramOverviewService programs, HttpRequests requests, HttpResponses responses) {
        this(results, rollouts, conversions, programs, requests, responses, Clock.systemUTC());
    }

    ResultsFunction(ResultsService results, RolloutService rollouts, ConversionService conversions,
            ProgramOverviewService programs, HttpRequests requests, HttpResponses responses, Clock clock) {
        this.results = results;
        this.rollouts = rollouts;
        this.conversions = conversions;
        this.programs = programs;
        this.requests = requests;
        this.responses = responses;
        this.clock = clock;
    }

    @Funq("results")
    public APIGatewayV2HTTPResponse results(APIGatewayV2HTTPEvent event) {
        ResultsRoute route = ResultsRoute.of(event);
        try {
            return switch (route) {
                case ResultsRoute.Results r -> responses.json(200, ResultsViews.results(
                        results.results(r.experimentKey(), options(HttpRequests.query(event)))));
                case ResultsRoute.Rollout r -> rollout(r.experimentKey(), body(event), iamCaller(event));
                case ResultsRoute.Conversions c -> conversions(body(event));
                case ResultsRoute.ProgramOverview p -> overview(p.program(), HttpRequests.query(event));
                case ResultsRoute.Unknown u -> responses.error(404, "route_not_found",
                        "no route " + u.method() + " " + u.path(), null);
            };
        } catch (BadRequestException e) {
            LOG.infof("rejected %s: 400 (%s)", route.getClass().getSimpleName(), e.field() == null ? "body" : e.field());
            return responses.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (InvalidOutcomeException e) {
            LOG.infof("rejected conversions: 400 (%s)", e.field() == null ? "event" : e.field());
            return responses.error(400, "invalid_event", e.getMessage(), e.field());
        } catch (UnknownExperimentException e) {
            LOG.infof("rejected %s: 404 unknown experiment", route.getClass().getSimpleName());
            return responses.error(404, "experiment_not_found", "no experiment with key '" + e.experimentKey() + "'", "key");
        } catch (RuntimeException e) {
            // No message: it may quote stored data. The class name and route are enough to triage.
            LOG.errorf("results API failed: %s on %s", e.getClass().getName(), route.getClass().getSimpleName());
            return responses.error(500, "internal_error", "request failed; retry later", null);
        }
    }

    private APIGatewayV2HTTPResponse rollout(String experimentKey, Map<String, Object> body, String caller) {
        String variation = switch (body.get("variation")) {
            case null -> throw new BadRequestException("variation", "variation is required (its key or index)");
            case String s when !s.isBlank() -> s;
            case Integer i -> Integer.toString(i);
            default -> throw new BadRequestException("variation", "variation must be a variation key or index");
        };
        String by = caller != null ? caller : text(body, "by", true);
        String reason = text(body, "reason", false);
        return switch (rollouts.rollOut(experimentKey, variation, by, reason)) {
            case RolloutService.Done d -> {
                LOG.infof("experiment %s rolled out to variation %d (changed: %s)", experimentKey,
                        d.rollout().variationId(), d.changed());
                yield responses.json(200, ResultsViews.rollout(d));
            }
            case RolloutService.Refused r when r.code().equals("unknown_variation") ->
                    responses.error(400, r.code(), r.message(), "variation");
            case RolloutService.Refused r -> responses.error(409, r.code(), r.message(), null);
        };
    }

    /**
     * The ARN of the IAM principal API Gateway authorised (the route's {@code AWS_IAM} authoriser), or
     * {@code null} when the request did not pass one.
     */
    private static String iamCaller(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        var iam = authorizer == null ? null : authorizer.getIam();
        String arn = iam == null ? null : iam.getUserArn();
        return arn == null || arn.isBlank() ? null : arn;
    }

    @SuppressWarnings("unchecked")
    private APIGatewayV2HTTPResponse conversions(Map<String, Object> body) {
        Instant now = clock.instant();
        boolean batch = body.containsKey("events");
        List<OutcomeEvent> events = new ArrayList<>();
        if (batch) {
            if (!(body.get("events") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_EVENTS) {
                throw new BadRequestException("events", "events must be a list of 1 to " + MAX_EVENTS + " events");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw new BadRequestException("events[" + i + "]", "events[" + i + "] must be an object");
                }
                try {
                    events.add(OutcomeEvent.fromMap((Map<String, Object>) m, now));
                } catch (InvalidOutcomeException e) {
                    throw new InvalidOutcomeException("events[" + i + "]." + e.field(), "events[" + i + "]: " + e.getMessage());
                }
            }
        } else {
            events.add(OutcomeEvent.fromMap(body, now));
        }
        List<ConversionOutcome> outcomes = new ArrayList<>();
        for (OutcomeEvent e : events) {
            outcomes.add(conversions.record(e));
        }
        if (!batch && outcomes.getFirst().reason() == IgnoreReason.UNKNOWN_EXPERIMENT) {
            throw new UnknownExperimentException(events.getFirst().experimentKey());
        }
        LOG.infof("conversions: %d received, %d counted", outcomes.size(), outcomes.stream().filter(ConversionOutcome::counted).count());
        return responses.json(200, ResultsViews.conversions(outcomes));
    }

    private APIGatewayV2HTTPResponse overview(String program, Map<String, String> query) {
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        try {
            return responses.json(200, ResultsViews.overview(programs.overview(program, from, to)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("from", e.getMessage());
        }
    }

    /** The configured defaults with what the query overrides. */
    private ResultsOptions options(Map<String, String> query) {
        ResultsOptions o = results.defaults();
        if (query.containsKey("test")) {
            o = o.withTest(FrequentistTest.of(query.get("test")).orElseThrow(() -> new BadRequestException("test",
                    "test must be two-sided, one-sided-greater, one-sided-lesser or sequential")));
        }
        if (query.containsKey("difference")) {
            try {
                o = o.withDifferenceType(DifferenceType.of(query.get("difference")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("difference", "difference must be relative or absolute");
            }
        }
        if (query.containsKey("alpha")) {
            try {
                o = o.withAlpha(Double.parseDouble(query.get("alpha")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("alpha", "alpha must be a number between 0 and 1");
            }
        }
        if (query.containsKey("goal")) {
            o = o.withGoal(OutcomeType.of(query.get("goal")).orElseThrow(() -> new BadRequestException("goal",
                    "goal must be a metric: " + java.util.Arrays.stream(OutcomeType.values()).map(OutcomeType::wireName).toList())));
        }
        return o;
    }

    private Map<String, Object> body(APIGatewayV2HTTPEvent event) {
        String body = requests.rawBody(event);
        if (requests.tooLarge(body)) {
            throw new BadRequestException(null, "request body exceeds " + HttpRequests.MAX_BODY_BYTES + " bytes");
        }
        return requests.jsonObject(body);
    }

    private static LocalDate date(Map<String, String> query, String field) {
        String value = query.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be a date, e.g. 2026-03-02");
        }
    }

    private static String text(Map<String, Object> body, String field, boolean required) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                throw new BadRequestException(field, field + " is required");
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank() || s.length() > 256) {
            throw new BadRequestException(field, field + " must be a non-blank string of at most 256 characters");
        }
        return s;
    }
}
