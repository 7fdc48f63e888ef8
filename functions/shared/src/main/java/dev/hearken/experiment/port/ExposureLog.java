package dev.hearken.experiment.port;

import dev.hearken.experiment.service.Exposure;

/** Records the first time a user is exposed to an experiment's variation. */
public interface ExposureLog {

    /**
     * Records {@code exposure} unless an exposure for the same (experiment, user) already exists.
     * Must be idempotent under retries and safe under concurrent calls (a conditional write).
     *
     * @return {@code true} when this call recorded the first exposure, {@code false} when one existed
     */
    boolean recordFirst(Exposure exposure);
}
