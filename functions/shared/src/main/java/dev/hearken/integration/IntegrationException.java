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

    /**
     * The one mapping of a service's non-2xx answer about {@code object} (e.g. {@code ticket 35436}): 429 → rate
     * limited after {@code Retry-After} or {@code defaultRetry} when the header is absent; 409 → conflict; 404 → not
     * found; anything else → {@link ServiceException} naming {@code code} (the service's error code, or {@code null}).
     */
    public static IntegrationException forStatus(String service, int status, String object, String retryAfterHeader,
            java.time.Duration defaultRetry, String code) {
        return switch (status) {
            case 429 -> new RateLimitedException(service, RetryAfter.orDefault(retryAfterHeader, defaultRetry));
            case 409 -> new ConflictException(service, object);
            case 404 -> new NotFoundException(service, object);
            default -> new ServiceException(service, status, code);
        };
    }

    /** The service that answered, e.g. {@code zendesk}, {@code app-store}, {@code google-play}, {@code fcm}. */
    public String service() {
        return service;
    }
}
