package dev.hearken.autoreply.domain;

import java.util.Optional;

/** Port: the experiment variation of a template for one request (the experiment-assign library). */
public interface VariantPicker {

    /**
     * The variation key the unit is assigned to in {@code experimentKey}, or empty when it is not in
     * the experiment (or the experiment is unknown): the template's default text is used then.
     */
    Optional<String> variant(String experimentKey, String unitId);
}
