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

    /** Programs as push messages name them ({@code dev.hearken.push.message.PushMessage}). */
    private static final Pattern PROGRAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** What an unsubscribe request came to. */
    public enum Outcome {
        /** The user no longer gets the program's e-mail (now or already before). */
        UNSUBSCRIBED,
        /** The token does not open for the program: nothing changed. */
        INVALID_TOKEN
    }

    private final SealedRecipients tokens;
    private final MailPreferences preferences;

    public UnsubscribeService(SealedRecipients tokens, MailPreferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
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
