package dev.hearken.experiment.assign.config;

import dev.hearken.experiment.assign.api.AssignmentRequest;
import dev.hearken.experiment.assign.api.AssignmentResponse;
import dev.hearken.experiment.assign.api.ConversionsBatchMessage;
import dev.hearken.experiment.assign.api.ConversionsResponse;
import dev.hearken.experiment.assign.api.ExperimentRolloutRequest;
import dev.hearken.experiment.assign.api.OutcomeEventMessage;
import dev.hearken.experiment.assign.api.OverviewResponse;
import dev.hearken.experiment.assign.api.ResultsResponse;
import dev.hearken.experiment.assign.api.RolloutRequest;
import dev.hearken.experiment.assign.api.RolloutResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON records of this artifact's APIs: Jackson reads and writes them through reflection, which
 * a native image only allows for registered classes. {@code ApiReflectionTest} fails when a record
 * of the api package is missing here.
 */
@RegisterForReflection(targets = {
        AssignmentRequest.class, AssignmentResponse.class, AssignmentResponse.All.class, AssignmentResponse.Item.class,
        OutcomeEventMessage.class, ConversionsBatchMessage.class, ConversionsResponse.class,
        ConversionsResponse.Item.class, RolloutRequest.class, RolloutResponse.class,
        ExperimentRolloutRequest.class, OverviewResponse.class,
        OverviewResponse.Day.class, ResultsResponse.class, ResultsResponse.Srm.class, ResultsResponse.Variation.class,
        ResultsResponse.Metric.class, ResultsResponse.Arm.class, ResultsResponse.Frequentist.class,
        ResultsResponse.Bayesian.class, ResultsResponse.Decision.class, ResultsResponse.Settings.class,
        ResultsResponse.Prior.class, ResultsResponse.WinnerRuleView.class})
public final class ApiReflection {

    private ApiReflection() {}
}
