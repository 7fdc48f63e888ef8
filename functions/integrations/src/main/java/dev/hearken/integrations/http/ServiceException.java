package dev.hearken.integrations.http;

/**
 * A service answered something the caller cannot act on beyond "this call failed" (a 4xx other than 404/409/429,
 * a 5xx, an unreadable body) or did not answer ({@link #status()} 0). The message names service, status and the
 * service's error code, never a request's content or a credential.
 */
public final class ServiceException extends RuntimeException {

    private final String service;
    private final int status;
    private final String code;

    public ServiceException(String service, int status, String code) {
        super(service + " answered " + status + (code == null ? "" : " " + code));
        this.service = service;
        this.status = status;
        this.code = code;
    }

    /** The service's error code, or for status 0 the kind of transport failure; may be {@code null}. */
    public String code() {
        return code;
    }

    public String service() {
        return service;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
