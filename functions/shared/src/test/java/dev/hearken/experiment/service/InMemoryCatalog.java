package dev.hearken.experiment.service;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.port.ExperimentCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An in-memory catalogue that counts reads and can be made to fail. */
final class InMemoryCatalog implements ExperimentCatalog {

    final List<Experiment> experiments = new ArrayList<>();
    int reads;
    boolean failing;

    InMemoryCatalog add(Map<String, Object> definition) {
        experiments.add(Experiment.fromMap(definition));
        return this;
    }

    @Override
    public List<Experiment> all() {
        reads++;
        if (failing) {
            throw new IllegalStateException("catalogue unavailable");
        }
        return List.copyOf(experiments);
    }
}
