package dev.hearken.experiment.port;

import dev.hearken.experiment.service.Exposure;
import java.util.Optional;

/** Reads a user's recorded first exposure, to attribute outcome events to it. */
public interface ExposureLookup {

    /** The first exposure of {@code userId} to {@code experimentKey}, if one was recorded. */
    Optional<Exposure> find(String experimentKey, String userId);
}
