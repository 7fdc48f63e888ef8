package dev.hearken.integration;

/**
 * The service answered something the caller cannot act on beyond "this call failed" (a 4xx other than 404/409/429,
 * a 5xx, an unreadable body), or did not answer at all ({@link #status()} 0). The message names the service, the
 * status and the service's error code, never a request's content or a credential.
 */
public final class ServiceException extends IntegrationException {

    private final int status;
    private final String code;

    public ServiceException(String service, int status, String code) {
        super(service, "answered " + status + (code == null ? "" : " " + code));
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The service's error code, or for status 0 the kind of transport failure; may be {@code null}. */
    public String code() {
        return code;
    }

    /** A 4xx the same request cannot turn into a success (not 408 timeout; 409 and 429 have their own types). */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 408;
    }
}
