package dev.hearken.push.function;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The small HTML pages of the unsubscribe endpoint, in plain English: the confirmation form a person gets
 * from the link in a mail's body, and the answers to that form. Every value put into a page is HTML-escaped
 * (the program is checked against the program pattern anyway, the token is base64url).
 */
final class UnsubscribePage {

    private UnsubscribePage() {}

    /**
     * RFC 8058 §3.2: following the link (GET) must not unsubscribe — link scanners and prefetching follow
     * links — so the page offers a form that POSTs, with the same body a mail client's one-click POST has.
     * The action is relative ({@code ?program=…&token=…}), so the form posts to the URL it was served from.
     */
    static String confirm(String program, String token) {
        String action = "?program=" + URLEncoder.encode(program, StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return page("Unsubscribe",
                "<p>Stop e-mail from <strong>" + escape(program) + "</strong>?</p>"
                        + "<form method=\"post\" action=\"" + escape(action) + "\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>"
                        + "<p>Other mail from us, and push notifications, are not affected.</p>");
    }

    /** The answer to the form: done. */
    static String done(String program) {
        return page("Unsubscribed", "<p>You will no longer get e-mail from <strong>" + escape(program)
                + "</strong>. It can take up to two days for mail already on its way.</p>");
    }

    /** A link that does not open: changed, cut or for another program. */
    static String invalid() {
        return page("Link not valid", "<p>This unsubscribe link is not valid. Please use the link in the most recent "
                + "e-mail you got from us, or reply to that e-mail.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head>"
                + "<body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
