package dev.hearken.experiment.assignment;

import java.util.List;
import java.util.Objects;

/**
 * A hash-range filter, GrowthBook's newer form of namespaces: the user passes when
 * {@code hash(seed, attributes[attribute], hashVersion)} falls in any of {@code ranges}. An
 * experiment with several filters requires all of them to pass.
 *
 * @param seed        the hash seed (GrowthBook uses the namespace's own seed)
 * @param ranges      the accepted slices of [0, 1)
 * @param attribute   the attribute to hash; {@code null} means {@code id}
 * @param hashVersion the hash version; {@code null} (or 0) means 2
 */
public record Filter(String seed, List<Range> ranges, String attribute, Integer hashVersion) {

    public Filter {
        Objects.requireNonNull(seed, "filter seed");
        ranges = List.copyOf(Objects.requireNonNull(ranges, "filter ranges"));
    }
}
