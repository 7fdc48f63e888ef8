package dev.hearken.experiment.assign.function;

import dev.hearken.testing.aws.AwsEmulatorResource;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import java.util.Map;

/** The emulator with the template's tables, plus the versioned experiment definitions loaded. */
public class SeededEmulatorResource extends AwsEmulatorResource {

    static final String EXPERIMENTS = "hearken-experiments";
    static final String EXPOSURES = "hearken-exposures";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        ExperimentSeeds.load(Emulator.shared().dynamo(), EXPERIMENTS, ExperimentSeeds.defaultFile());
        return config;
    }
}
