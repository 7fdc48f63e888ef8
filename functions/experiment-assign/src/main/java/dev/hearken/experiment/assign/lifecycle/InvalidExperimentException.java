package dev.hearken.experiment.assign.lifecycle;

/** A definition an operator wrote breaks a rule; {@code field} is its path ({@code definition.weights}). */
public final class InvalidExperimentException extends RuntimeException {

    private final String field;

    public InvalidExperimentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The path of the field at fault. */
    public String field() {
        return field;
    }
}
