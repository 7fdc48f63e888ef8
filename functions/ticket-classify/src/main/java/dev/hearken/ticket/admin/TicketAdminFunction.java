package dev.hearken.ticket.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * ticket-classify's operator API ({@code hearken-ticket-admin}, export {@code admin}): the routing rules, the VIPs,
 * a ticket's decisions and the audit trail by day, behind IAM-authorised routes ({@link TicketAdmin}).
 */
public class TicketAdminFunction {

    private final TicketAdmin admin;
    private final HttpEndpoint http;

    @Inject
    TicketAdminFunction(TicketAdmin admin, HttpEndpoint http) {
        this.admin = admin;
        this.http = http;
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return http.handle("ticket admin", event, AdminRequests.ERRORS, admin::serve);
    }
}
