package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.push.domain.InvalidFieldException;
import dev.hearken.push.service.AppUsersService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The app backend's API (the {@code app-api} Lambda, same artifact, export {@code app}) behind IAM-authorised HTTP API
 * routes: devices ({@code PUT}/{@code DELETE /users/{userId}/devices/{token}}, {@code GET /users/{userId}/devices}),
 * the profile ({@code PUT}/{@code GET /users/{userId}/profile}) and erasure ({@code DELETE /users/{userId}}) →
 * {@link AppUsersService}. The token is read as sent: FCM tokens are longer than the identifiers
 * {@code HttpEndpoint} takes from paths, and its shape is checked per platform by the domain.
 */
public class AppFunction {

    private static final HttpEndpoint.Errors INVALID = e -> e instanceof InvalidFieldException invalid
            ? Optional.of(Reply.error(400, "invalid_request", invalid.getMessage(), invalid.field())) : Optional.empty();

    private final AppUsersService users;
    private final HttpEndpoint http;

    @Inject
    AppFunction(AppUsersService users, HttpEndpoint http) {
        this.users = users;
        this.http = http;
    }

    @Funq("app")
    public APIGatewayV2HTTPResponse app(APIGatewayV2HTTPEvent event) {
        String token = event.getPathParameters() == null ? null : event.getPathParameters().get("token");
        return http.handle("app", event, INVALID, request -> switch (String.valueOf(event.getRouteKey())) {
            case "PUT /users/{userId}/devices/{token}" -> {
                String userId = request.pathId("userId");
                AppBodies.Device body = request.body(AppBodies.Device.class);
                yield Reply.ok(users.registerDevice(userId, token, body.platform(), body.appId(), body.locale()));
            }
            case "DELETE /users/{userId}/devices/{token}" -> Reply.ok(users.removeDevice(request.pathId("userId"), token));
            case "GET /users/{userId}/devices" -> Reply.ok(users.devices(request.pathId("userId")));
            case "PUT /users/{userId}/profile" -> {
                String userId = request.pathId("userId");
                yield Reply.ok(users.putProfile(userId, request.body(AppBodies.Profile.class).update()));
            }
            case "GET /users/{userId}/profile" -> Reply.ok(users.profile(request.pathId("userId")));
            case "DELETE /users/{userId}" -> Reply.ok(users.erase(request.pathId("userId")));
            default -> Reply.error(404, "not_found", "no such route", null);
        });
    }
}
