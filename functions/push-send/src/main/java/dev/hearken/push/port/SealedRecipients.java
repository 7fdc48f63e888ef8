package dev.hearken.push.port;

import java.util.Optional;

/**
 * Opens the sealed user ids that travel with our e-mail: the token of a one-click unsubscribe link
 * (bound to its program) and the recipient tag SES publishes back with bounce and complaint events.
 * Whoever holds neither the key nor AWS access learns nothing from either.
 */
public interface SealedRecipients {

    /** The user an unsubscribe link's {@code token} names for {@code program}; empty when forged, damaged or for another program. */
    Optional<String> userId(String token, String program);

    /** The user a mail's recipient tag names; empty when forged or damaged. */
    Optional<String> userIdOfTag(String tag);
}
