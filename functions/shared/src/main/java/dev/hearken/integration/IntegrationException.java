package dev.hearken.integration;

/**
 * The one error model of Hearken's clients of external services (Zendesk, App Store Connect, Google Play, FCM,
 * APNs): an answer the caller can act on — wait ({@link RateLimitedException}), re-read
 * ({@link ConflictException}) or give up on that object ({@link NotFoundException}). Anything else a client
 * meets stays an ordinary exception (a retryable failure of the record). Messages name the service and the
 * object's id, never a user's text or a credential.
 */
public abstract sealed class IntegrationException extends RuntimeException
        permits RateLimitedException, ConflictException, NotFoundException, ServiceException {

    private final String service;

    protected IntegrationException(String service, String message) {
        super(service + ": " + message);
        this.service = service;
    }

    /** The service that answered, e.g. {@code zendesk}, {@code app-store}, {@code google-play}, {@code fcm}. */
    public String service() {
        return service;
    }
}
