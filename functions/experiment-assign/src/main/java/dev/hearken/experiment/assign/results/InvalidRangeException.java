package dev.hearken.experiment.assign.results;

/** A program overview range that is reversed or too long: the caller's error, naming {@code from}. */
public final class InvalidRangeException extends IllegalArgumentException {

    public InvalidRangeException(String message) {
        super(message);
    }

    /** The request field at fault. */
    public String field() {
        return "from";
    }
}
