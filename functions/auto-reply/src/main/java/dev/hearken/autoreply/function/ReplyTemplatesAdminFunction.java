package dev.hearken.autoreply.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.autoreply.aws.TemplatePreviews;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint;
import io.quarkus.funqy.Funq;

/**
 * The operator API of the reply catalogue ({@code auto-reply-admin}, IAM-authorised routes): create, read, update
 * and delete templates under {@code /admin/reply-templates/{templateKey}/{language}} with their history, and
 * {@code POST /admin/reply-templates/preview}, the text a user would get.
 */
public class ReplyTemplatesAdminFunction {

    private final AdminCollection templates;
    private final TemplatePreviews previews;
    private final HttpEndpoint http;

    ReplyTemplatesAdminFunction(AdminCollection templates, TemplatePreviews previews, HttpEndpoint http) {
        this.templates = templates;
        this.previews = previews;
        this.http = http;
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return http.handle("reply-templates-admin", event, AdminRequests.ERRORS,
                request -> request.routeKey().equals(TemplatePreviews.ROUTE)
                        ? previews.serve(request) : templates.serve(request));
    }
}
