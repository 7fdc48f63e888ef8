package dev.hearken.experiment.assign.conversion;

/** An outcome event that is malformed (a missing or mistyped field, a negative value): never counted. */
public final class InvalidOutcomeException extends RuntimeException {

    private final String field;

    public InvalidOutcomeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, or {@code null} when the event as a whole is. */
    public String field() {
        return field;
    }
}
