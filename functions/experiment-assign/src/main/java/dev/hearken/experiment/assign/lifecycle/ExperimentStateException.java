package dev.hearken.experiment.assign.lifecycle;

/** The experiment's status does not allow the action (start a stopped experiment, delete a running one). */
public final class ExperimentStateException extends RuntimeException {

    public ExperimentStateException(String message) {
        super(message);
    }
}
