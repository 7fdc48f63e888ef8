package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.review.aws.ReviewDecisions;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The operator API of review-ingest ({@code review-ingest-admin}, IAM-authorised routes): the apps to poll and
 * answer under {@code /admin/review-apps/{appId}} with their history, and
 * {@code GET /admin/reviews/{store}/{appId}/{reviewId}/decisions}, what the worker decided about a review.
 */
public class ReviewAdminFunction {

    private final AdminCollection apps;
    private final ReviewDecisions decisions;
    private final HttpEndpoint http;

    @Inject
    ReviewAdminFunction(AdminCollection apps, ReviewDecisions decisions, HttpEndpoint http) {
        this.apps = apps;
        this.decisions = decisions;
        this.http = http;
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return http.handle("review-admin", event, AdminRequests.ERRORS,
                request -> request.routeKey().equals(ReviewDecisions.ROUTE)
                        ? decisions.serve(request) : apps.serve(request));
    }
}
