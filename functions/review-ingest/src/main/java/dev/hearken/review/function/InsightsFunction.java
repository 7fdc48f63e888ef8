package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.review.insight.ImpactService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * {@code GET /apps/{appId}/topics/{topic}/impact?since=YYYY-MM-DD}: how many distinct users reported a topic for
 * an app since a day, per app version and day, and in total — the number a support lead takes to the backlog.
 * Without {@code since}, the last {@value ImpactService#DEFAULT_DAYS} days. Identifiers that are not plain ids are
 * a 400, not an empty report.
 */
public class InsightsFunction {

    private final ImpactService impact;
    private final HttpEndpoint http;

    @Inject
    InsightsFunction(ImpactService impact, HttpEndpoint http) {
        this.impact = impact;
        this.http = http;
    }

    @Funq("insights")
    public APIGatewayV2HTTPResponse insights(APIGatewayV2HTTPEvent event) {
        return http.handle("insights", event, request -> Reply.ok(ImpactView.of(impact.report(
                request.pathId("appId"),
                request.path("topic", ImpactService::topic, "one of " + ImpactService.TOPICS),
                request.query("since", LocalDate::parse, "a date YYYY-MM-DD")))));
    }
}
