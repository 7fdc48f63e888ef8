package dev.hearken.push.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What copy must be for push-send to send it as the operator wrote it — the rules an edit of the catalogue is
 * checked against before it is stored.
 *
 * <ul>
 *   <li>Push: a body of 1–{@value Copy#MAX_BODY} and a title of at most {@value Copy#MAX_TITLE} code points, the
 *       lengths {@link Copy#fit} would otherwise cut with an ellipsis (what Android and iOS show; FCM and APNs
 *       themselves only limit the whole payload to 4,096 bytes, which copy within these lengths cannot reach:
 *       305 code points are at most 1,220 bytes of UTF-8).</li>
 *   <li>E-mail: a subject of 1–{@value EmailCopy#MAX_SUBJECT} code points on one line (a line break in a subject
 *       is a header injection), a non-blank text body, optional HTML, each at most {@value #MAX_MAIL_BODY}
 *       characters (a DynamoDB item holds 400 KB for every locale's variants).</li>
 *   <li>Placeholders: {@code {name}} with {@code name} of letters, digits, {@code _ . -}. Their values come from
 *       the message's {@code data} (the app backend's or the campaign's) and push-send's own
 *       ({@code unsubscribeUrl}), so no closed list can say which names exist; what is refused is a slot that
 *       would reach users as written: an opening brace and a name without the closing brace, or with a space in
 *       the name ({@code {first name}}). HTML is not checked for slots: CSS uses braces.</li>
 * </ul>
 */
public final class PushTemplateRules {

    /** Longest e-mail body (text or HTML), in characters. */
    public static final int MAX_MAIL_BODY = 100_000;

    /** A brace followed by a name: the start of a placeholder, which must close right after the name. */
    private static final Pattern SLOT_START = Pattern.compile("\\{[A-Za-z0-9_.-]");
    private static final Pattern SLOT = Pattern.compile("\\{[A-Za-z0-9_.-]+}");

    private PushTemplateRules() {}

    /** Checks push copy; {@code field} names it ({@code variants.control}). */
    public static void check(String field, Copy copy) {
        int title = copy.title().codePointCount(0, copy.title().length());
        if (title > Copy.MAX_TITLE) {
            throw new InvalidTemplateException(field + ".title", "must be at most " + Copy.MAX_TITLE
                    + " characters (devices cut it there), is " + title);
        }
        if (copy.body().isBlank()) {
            throw new InvalidTemplateException(field + ".body", "is required");
        }
        int body = copy.body().codePointCount(0, copy.body().length());
        if (body > Copy.MAX_BODY) {
            throw new InvalidTemplateException(field + ".body", "must be at most " + Copy.MAX_BODY
                    + " characters (devices cut it there), is " + body);
        }
        placeholders(field + ".title", copy.title());
        placeholders(field + ".body", copy.body());
    }

    /** Checks e-mail copy; {@code field} names it ({@code email.control}). */
    public static void check(String field, EmailCopy copy) {
        if (copy.subject().isBlank()) {
            throw new InvalidTemplateException(field + ".subject", "is required");
        }
        if (copy.subject().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTemplateException(field + ".subject", "must be one line without control characters");
        }
        if (copy.subject().codePointCount(0, copy.subject().length()) > EmailCopy.MAX_SUBJECT) {
            throw new InvalidTemplateException(field + ".subject", "must be at most " + EmailCopy.MAX_SUBJECT
                    + " characters");
        }
        if (copy.text().isBlank()) {
            throw new InvalidTemplateException(field + ".text", "is required (the HTML part is an alternative to it)");
        }
        if (copy.text().length() > MAX_MAIL_BODY) {
            throw new InvalidTemplateException(field + ".text", "must be at most " + MAX_MAIL_BODY + " characters");
        }
        if (copy.html() != null && copy.html().length() > MAX_MAIL_BODY) {
            throw new InvalidTemplateException(field + ".html", "must be at most " + MAX_MAIL_BODY + " characters");
        }
        placeholders(field + ".subject", copy.subject());
        placeholders(field + ".text", copy.text());
    }

    private static void placeholders(String field, String text) {
        Matcher start = SLOT_START.matcher(text);
        while (start.find()) {
            if (!SLOT.matcher(text).region(start.start(), text.length()).lookingAt()) {
                throw new InvalidTemplateException(field, "has a placeholder that does not close: write {name} with"
                        + " letters, digits, _ . - only");
            }
        }
    }
}
