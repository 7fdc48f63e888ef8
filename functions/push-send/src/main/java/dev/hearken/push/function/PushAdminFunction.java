package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.push.admin.PushAdmin;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * push-send's operator API (the {@code push-admin} Lambda, same artifact, export {@code admin}) behind the
 * IAM-authorised routes {@code /admin/push-templates…}, {@code /admin/segments/…} and {@code /admin/campaigns…}
 * (API Gateway HTTP API, payload format 2.0): {@link PushAdmin}. Refusals ({@code 401}, {@code 404}, {@code 409},
 * {@code 428}) are answered by {@link AdminRequests#ERRORS}.
 */
public class PushAdminFunction {

    private final PushAdmin admin;
    private final HttpEndpoint http;

    @Inject
    PushAdminFunction(PushAdmin admin, HttpEndpoint http) {
        this.admin = admin;
        this.http = http;
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return http.handle("push-admin", event, AdminRequests.ERRORS, admin::serve);
    }
}
