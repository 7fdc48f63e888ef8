package dev.hearken.experiment.port;

/** Counts users first exposed per variation: the denominators of results and the input of the SRM check. */
public interface ExposureCounter {

    /** Adds one first-exposed user to {@code variationId}; called once per recorded first exposure. */
    void countFirstExposure(String experimentKey, int variationId);

    /** Counts nothing: for callers that do not keep results. */
    ExposureCounter NONE = (experimentKey, variationId) -> {};
}
