package dev.hearken.push.port;

import dev.hearken.push.domain.UserProfile;

/** What a user's mail answers change in their profile: e-mail opt-outs and the address's status. */
public interface MailPreferences {

    /**
     * Adds {@code email:<program>} to the user's opt-outs. Idempotent.
     *
     * @return {@code true} when it was added now; {@code false} when it was there already or the user is unknown
     */
    boolean optOutOfEmail(String userId, String program);

    /**
     * Sets the status of the user's address to {@code status}, but only while the user's address is still
     * {@code address} (feedback about an address the user has since replaced changes nothing).
     *
     * @return whether the status was written
     */
    boolean markEmail(String userId, String address, UserProfile.EmailStatus status);
}
