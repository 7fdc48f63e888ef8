package dev.hearken.experiment.service;

/** No experiment with the requested key exists in the catalogue. */
public final class UnknownExperimentException extends RuntimeException {

    private final String experimentKey;

    public UnknownExperimentException(String experimentKey) {
        super("unknown experiment: " + experimentKey);
        this.experimentKey = experimentKey;
    }

    public String experimentKey() {
        return experimentKey;
    }
}
