package dev.hearken.push.message;

/** A push message that can never be processed as it is (a missing or malformed field). */
public final class InvalidPushMessageException extends RuntimeException {

    private final String field;

    public InvalidPushMessageException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The offending field, e.g. {@code userId}. */
    public String field() {
        return field;
    }
}
