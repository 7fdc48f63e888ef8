package dev.hearken.experiment.assignment;

import java.util.Objects;

/**
 * GrowthBook's legacy namespace {@code [id, start, end]}: experiments sharing an {@code id} whose
 * {@code [start, end)} slices do not overlap are mutually exclusive. The slice a user falls in
 * depends only on the user and the namespace id, never on the experiment.
 */
public record Namespace(String id, double start, double end) {

    public Namespace {
        Objects.requireNonNull(id, "namespace id");
    }
}
