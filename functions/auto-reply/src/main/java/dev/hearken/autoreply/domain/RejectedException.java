package dev.hearken.autoreply.domain;

/**
 * A request that can never succeed (unknown format, an API's 4xx other than 429): retrying changes
 * nothing, so it goes to the dead-letter queue with {@link #reason()}.
 */
public class RejectedException extends RuntimeException {

    private final String reason;

    public RejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** A short machine-readable reason without personal data ({@code zendesk_422}, {@code unknown_source}). */
    public String reason() {
        return reason;
    }
}
