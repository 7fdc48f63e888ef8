package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.push.service.UnsubscribeService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The one-click unsubscribe endpoint (the {@code mail-unsubscribe} Lambda, same artifact, export
 * {@code unsubscribe}) behind the public routes {@code POST} and {@code GET /mail/unsubscribe?program=…&token=…}
 * (API Gateway HTTP API, payload format 2.0; no authoriser: the sealed token is the authentication).
 * {@code POST} is RFC 8058's one-click (a mail client posts {@code List-Unsubscribe=One-Click}; the confirmation
 * form posts the same) and opts out; {@code GET} (a person following the link in the body) shows that form and
 * changes nothing. Request → {@link UnsubscribeHttp#request}, → {@link UnsubscribeService#answer}, → {@link
 * UnsubscribeHttp#response}.
 */
public class UnsubscribeFunction {

    private final UnsubscribeService unsubscribe;
    private final UnsubscribeHttp http;

    @Inject
    UnsubscribeFunction(UnsubscribeService unsubscribe, UnsubscribeHttp http) {
        this.unsubscribe = unsubscribe;
        this.http = http;
    }

    @Funq("unsubscribe")
    public APIGatewayV2HTTPResponse unsubscribe(APIGatewayV2HTTPEvent event) {
        try {
            UnsubscribeHttp.Request request = http.request(event);
            return http.response(unsubscribe.answer(request.action(), request.program(), request.token()), request.html());
        } catch (UnsubscribeHttp.Refused e) {
            return e.response();
        } catch (RuntimeException e) {
            return http.failed(e);
        }
    }
}
