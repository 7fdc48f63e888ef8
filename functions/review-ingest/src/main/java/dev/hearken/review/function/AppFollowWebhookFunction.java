package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.parse.AppFollowPayload;
import dev.hearken.review.webhook.AppFollowWebhook;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * review-ingest's AppFollow webhook ({@code POST /webhooks/appfollow?token=…}, HTTP API payload 2.0): 202 after the
 * delivery is on the reviews queue; 200 for AppFollow's test message; 413 / 401 / 400 JSON errors otherwise, with
 * nothing enqueued, and 503 (AppFollow delivers again) when the queue fails. The token is checked before the body
 * is read. Logs carry the outcome, never the body.
 */
public class AppFollowWebhookFunction {

    private static final Reply UNAUTHORIZED = Reply.error(401, "unauthorized", "missing or wrong webhook token", "token");

    private final AppFollowWebhook webhook;
    private final ReviewMessageJson messages;
    private final HttpEndpoint http;

    @Inject
    AppFollowWebhookFunction(AppFollowWebhook webhook, ReviewMessageJson messages, HttpEndpoint http) {
        this.webhook = webhook;
        this.messages = messages;
        this.http = http;
    }

    @Funq("appfollow")
    public APIGatewayV2HTTPResponse appfollow(APIGatewayV2HTTPEvent event) {
        return http.webhook("appfollow", event, request -> {
            if (!webhook.authorised(request.query("token"))) {
                return UNAUTHORIZED;
            }
            AppFollowDelivery delivery = request.body(AppFollowDelivery.class);
            AppFollowWebhook.Result result = webhook.accept(delivery.appId(), payload(request.rawBody()));
            return switch (result.outcome()) {
                case ACCEPTED -> Reply.accepted(new Status("accepted", result.messageId()));
                case TEST_PING -> Reply.ok(new Status("test_message_received", null));
            };
        });
    }

    /** The delivery as the worker reads it; its shape was checked by {@link AppFollowDelivery}, its field types here. */
    private AppFollowPayload payload(String body) {
        try {
            return messages.appFollow(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(null, "body has a field of the wrong JSON type for an AppFollow review");
        }
    }

    /** The answer to AppFollow: {@code {"status", "messageId"?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String status, String messageId) {
    }
}
