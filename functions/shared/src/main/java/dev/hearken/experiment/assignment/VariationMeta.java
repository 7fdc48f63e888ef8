package dev.hearken.experiment.assignment;

/**
 * Per-variation metadata from GrowthBook's experiment definition.
 *
 * @param key         stable variation key reported with assignments; {@code null} means the index
 * @param name        display name, informational
 * @param passthrough whether this variation means "not really in": GrowthBook's legacy holdouts
 *                    send users here so later feature rules still apply to them
 */
public record VariationMeta(String key, String name, boolean passthrough) {}
