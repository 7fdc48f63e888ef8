package dev.hearken.review.store;

/** A store API call failed (status 0: no response). The message names host, status and error code, no data. */
public final class StoreApiException extends RuntimeException {

    private final int status;

    public StoreApiException(String host, int status, String code) {
        super(host + " answered " + status + (code == null ? "" : " " + code));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
