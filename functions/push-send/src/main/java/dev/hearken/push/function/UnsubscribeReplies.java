package dev.hearken.push.function;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.push.service.UnsubscribeService.Answer;
import java.util.Map;

/**
 * The unsubscribe service's {@link Answer} as the caller reads it: an HTML page for a browser, JSON for a mail
 * client's one-click POST. Nothing is quoted back from the request but the program and token the page posts.
 */
public final class UnsubscribeReplies {

    /** Pages carry the token in their URL: no caching, no referrer, no framing, no scripts. */
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "cache-control", "no-store",
            "referrer-policy", "no-referrer",
            "x-robots-tag", "noindex",
            "content-security-policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");

    /** The JSON answer to a one-click POST, fields in this order. */
    @JsonPropertyOrder({"unsubscribed", "program"})
    public record UnsubscribedBody(boolean unsubscribed, String program) {}

    private UnsubscribeReplies() {}

    /**
     * @param html whether an error or a done answer is a page: when the caller accepts {@code text/html} (a browser
     *             following the link or posting the confirmation form — a mail client's one-click POST, Gmail's for
     *             one, sends no {@code Accept: text/html} and gets JSON, as does any other caller); the form itself
     *             is always a page
     */
    static Reply of(Answer answer, boolean html) {
        return switch (answer) {
            case Answer.Form form -> page(200, UnsubscribePage.confirm(form.program(), form.token()));
            case Answer.Unsubscribed done -> html ? page(200, UnsubscribePage.done(done.program()))
                    : Reply.ok(new UnsubscribedBody(true, done.program()));
            case Answer.InvalidToken invalid -> html ? page(400, UnsubscribePage.invalid())
                    : Reply.error(400, "invalid_token", "the token is not valid for this program", "token");
        };
    }

    private static Reply page(int status, String page) {
        return Reply.text(status, "text/html; charset=utf-8", page, PAGE_HEADERS);
    }
}
