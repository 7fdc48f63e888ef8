package dev.hearken.review.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.review.webhook.AppFollowWebhook;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * review-ingest's AppFollow webhook ({@code POST /webhooks/appfollow?token=…}, HTTP API payload 2.0): 202 after the
 * delivery is on the reviews queue; 200 for AppFollow's test message; 413 / 401 / 400 JSON errors otherwise, with
 * nothing enqueued. Logs carry the outcome, never the body.
 */
public class AppFollowWebhookFunction {

    private static final Logger LOG = Logger.getLogger(AppFollowWebhookFunction.class);

    private final AppFollowWebhook webhook;
    private final HttpRequests requests;
    private final HttpResponses responses;

    @Inject
    AppFollowWebhookFunction(AppFollowWebhook webhook, HttpRequests requests, HttpResponses responses) {
        this.webhook = webhook;
        this.requests = requests;
        this.responses = responses;
    }

    @Funq("appfollow")
    public APIGatewayV2HTTPResponse appfollow(APIGatewayV2HTTPEvent event) {
        try {
            String body = body(event);
            if (requests.tooLarge(body)) {
                LOG.info("appfollow delivery rejected: 413");
                return responses.error(413, "payload_too_large",
                        "request body exceeds " + HttpRequests.MAX_BODY_BYTES + " bytes", null);
            }
            if (!webhook.authorised(HttpRequests.query(event).get("token"))) {
                LOG.info("appfollow delivery rejected: 401");
                return responses.error(401, "unauthorized", "missing or wrong webhook token", "token");
            }
            AppFollowWebhook.Result result = webhook.accept(requests.jsonObject(body));
            LOG.infof("appfollow delivery: %s", result.outcome());
            return switch (result.outcome()) {
                case ACCEPTED -> responses.json(202, status("accepted", result.messageId()));
                case TEST_PING -> responses.json(200, status("test_message_received", null));
                case NOT_A_REVIEW -> responses.error(400, "invalid_request",
                        "body is neither AppFollow's {\"text\": …} message nor a {\"review\": …} object", "text");
                case UNAUTHORIZED -> responses.error(401, "unauthorized", "missing or wrong webhook token", "token");
            };
        } catch (BadRequestException e) {
            LOG.infof("appfollow delivery rejected: 400 (%s)", e.field() == null ? "body" : e.field());
            return responses.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (RuntimeException e) {
            // 5xx makes AppFollow retry; the class name is enough to triage, the message may quote data.
            LOG.errorf("appfollow delivery failed: %s", e.getClass().getName());
            return responses.error(503, "unavailable", "could not accept the review; retry later", null);
        }
    }

    /** The raw body; a base64 body must decode to valid UTF-8 (never silently replaced characters). */
    private String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() != null && event.getIsBase64Encoded()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(null, "body is not valid base64");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new BadRequestException(null, "body is not valid UTF-8");
            }
        }
        return requests.rawBody(event);
    }

    private static Map<String, Object> status(String status, String messageId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        if (messageId != null) {
            out.put("messageId", messageId);
        }
        return out;
    }
}
