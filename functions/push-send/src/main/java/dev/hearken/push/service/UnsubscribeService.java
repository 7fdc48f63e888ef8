package dev.hearken.push.service;

import dev.hearken.push.port.MailPreferences;
import dev.hearken.push.port.SealedRecipients;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-click unsubscribe (RFC 8058): a valid token for the link's program opts its user out of that
 * program's e-mail ({@code email:<program>} in {@code optOuts}, what {@link EmailChannel#refusal} checks).
 *
 * <p>The token is the only authentication — it is sealed with a key only Hearken holds and bound to the
 * program — so a forged, damaged or moved token changes nothing. Opting out twice is the same as once.
 */
public final class UnsubscribeService {

    private static final System.Logger LOG = System.getLogger(UnsubscribeService.class.getName());

    /** Programs as push messages name them ({@code dev.hearken.push.message.PushMessage}). */
    private static final Pattern PROGRAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** What an unsubscribe request came to. */
    public enum Outcome {
        /** The user no longer gets the program's e-mail (now or already before). */
        UNSUBSCRIBED,
        /** The token does not open for the program: nothing changed. */
        INVALID_TOKEN
    }

    /** What the link's visitor asked for. */
    public enum Action {
        /** Following the link (RFC 8058 §3.2: must change nothing, link scanners follow links too). */
        SHOW_FORM,
        /** One-click (a mail client) or the confirmation form (a person): opt out. */
        UNSUBSCRIBE
    }

    /** The answer to a visitor of the link. */
    public sealed interface Answer {
        /** The token opens for the program: offer the confirmation form (nothing changed). */
        record Form(String program, String token) implements Answer {}

        /** The user no longer gets the program's e-mail (now or already before). */
        record Unsubscribed(String program) implements Answer {}

        /** The token does not open for the program: nothing changed. */
        record InvalidToken() implements Answer {}
    }

    private final SealedRecipients tokens;
    private final MailPreferences preferences;

    public UnsubscribeService(SealedRecipients tokens, MailPreferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    /**
     * Answers a visitor of the unsubscribe link. Logs the program (when it is one: the parameter is public
     * input) and the outcome — never the token or the user.
     */
    public Answer answer(Action action, String program, String token) {
        return switch (action) {
            case SHOW_FORM -> {
                boolean valid = valid(program, token);
                LOG.log(System.Logger.Level.INFO, "unsubscribe page for {0}: {1}", loggable(program),
                        valid ? "form shown" : "invalid token");
                yield valid ? new Answer.Form(program, token) : new Answer.InvalidToken();
            }
            case UNSUBSCRIBE -> {
                Outcome outcome = unsubscribe(program, token);
                LOG.log(System.Logger.Level.INFO, "one-click unsubscribe from {0}: {1}", loggable(program), outcome);
                yield outcome == Outcome.UNSUBSCRIBED ? new Answer.Unsubscribed(program) : new Answer.InvalidToken();
            }
        };
    }

    /**
     * The program as a log may show it: a well-formed program name as it is, anything else replaced — the
     * parameter comes from a public URL, and a CR/LF in it would forge a log line.
     */
    static String loggable(String program) {
        return program != null && PROGRAM.matcher(program).matches() ? program : "(malformed program)";
    }

    /** Whether {@code token} is a valid unsubscribe token for {@code program} (reads nothing, changes nothing). */
    public boolean valid(String program, String token) {
        return user(program, token).isPresent();
    }

    /** Opts the token's user out of {@code program}'s e-mail. */
    public Outcome unsubscribe(String program, String token) {
        Optional<String> user = user(program, token);
        if (user.isEmpty()) {
            return Outcome.INVALID_TOKEN;
        }
        preferences.optOutOfEmail(user.get(), program);
        return Outcome.UNSUBSCRIBED;
    }

    private Optional<String> user(String program, String token) {
        if (program == null || token == null || !PROGRAM.matcher(program).matches() || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.userId(token, program);
    }
}
