package dev.hearken.push.port;

/**
 * One-click unsubscribe links (RFC 8058) for e-mail: the configured URL with the program and an
 * opaque token that names the user to whoever holds the key, and nobody else. Never the address.
 */
public interface UnsubscribeLinks {

    /** The link that unsubscribes {@code userId} from e-mail of {@code program}. */
    String link(String userId, String program);
}
