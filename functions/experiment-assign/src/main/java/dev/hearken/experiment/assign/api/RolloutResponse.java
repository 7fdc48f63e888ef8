package dev.hearken.experiment.assign.api;

import dev.hearken.experiment.assign.results.RolloutService;

/** The answer to a rollout: the experiment's new state and the rollout recorded. */
public record RolloutResponse(String experimentKey, String status, Integer force, String variationKey, boolean changed,
        String by, String at, String reason) {

    public static RolloutResponse of(RolloutService.Done d) {
        return new RolloutResponse(d.experiment().key(), d.experiment().status(), d.experiment().force(),
                d.rollout().variationKey(), d.changed(), d.rollout().by(), d.rollout().at().toString(), d.rollout().reason());
    }
}
