package dev.hearken.integrations.zendesk;

/**
 * A Zendesk answer the kernel error model has no name for (401, 422, 5xx, …): the caller decides whether the
 * record is retried or given up. The message names the status only, never the body (it may quote a ticket).
 */
public final class ZendeskException extends RuntimeException {

    private final int status;

    public ZendeskException(int status) {
        super("Zendesk answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A 4xx that the same request cannot turn into a success (not 408 timeout, 409 or 429). */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 408;
    }
}
