package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.push.service.UnsubscribeService;
import dev.hearken.push.service.UnsubscribeService.Action;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The one-click unsubscribe endpoint (the {@code mail-unsubscribe} Lambda, same artifact, export
 * {@code unsubscribe}) behind the public routes {@code POST} and {@code GET /mail/unsubscribe?program=…&token=…}
 * (API Gateway HTTP API, payload format 2.0; no authoriser: the sealed token is the authentication).
 * {@code POST} is RFC 8058's one-click (a mail client posts {@code List-Unsubscribe=One-Click}; the confirmation
 * form posts the same) and opts out; {@code GET} (a person following the link in the body) shows that form and
 * changes nothing; another method is a 405. Errors are JSON unless the caller asks for HTML. The answer →
 * {@link UnsubscribeReplies}.
 */
public class UnsubscribeFunction {

    private final UnsubscribeService unsubscribe;
    private final HttpEndpoint http;

    @Inject
    UnsubscribeFunction(UnsubscribeService unsubscribe, HttpEndpoint http) {
        this.unsubscribe = unsubscribe;
        this.http = http;
    }

    /** A browser (every mail client's link, the form) asks for HTML; any other caller gets JSON errors. */
    private static boolean acceptsHtml(HttpEndpoint.Request request) {
        return String.valueOf(request.header("accept")).contains("text/html");
    }

    @Funq("unsubscribe")
    public APIGatewayV2HTTPResponse unsubscribe(APIGatewayV2HTTPEvent event) {
        return http.handle("unsubscribe", event, request -> {
            String program = request.requiredQuery("program");
            String token = request.requiredQuery("token");
            return switch (request.method()) {
                case "GET" -> UnsubscribeReplies.of(unsubscribe.answer(Action.SHOW_FORM, program, token),
                        acceptsHtml(request));
                case "POST" -> UnsubscribeReplies.of(unsubscribe.answer(Action.UNSUBSCRIBE, program, token),
                        acceptsHtml(request));
                default -> Reply.error(405, "method_not_allowed", "use POST (one-click) or GET (confirmation page)",
                        null);
            };
        });
    }
}
