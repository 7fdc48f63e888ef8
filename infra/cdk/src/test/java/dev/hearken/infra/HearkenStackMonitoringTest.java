package dev.hearken.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class HearkenStackMonitoringTest {

    private static final String ALARM = "AWS::CloudWatch::Alarm";

    private final Template template = Templates.hearken();

    @Test
    void experiment_assign_alarms_on_any_error_within_five_minutes() {
        template.hasResourceProperties(ALARM, Map.of(
                "AlarmName", "hearken-experiment-assign-errors",
                "Namespace", "AWS/Lambda",
                "MetricName", "Errors",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function()))),
                "Statistic", "Sum",
                "Period", 300,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1,
                "TreatMissingData", "notBreaching"));
    }

    @Test
    void experiment_assign_alarms_on_any_throttle_within_five_minutes() {
        template.hasResourceProperties(ALARM, Map.of(
                "AlarmName", "hearken-experiment-assign-throttles",
                "Namespace", "AWS/Lambda",
                "MetricName", "Throttles",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function()))),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1));
    }

    @Test
    void there_is_exactly_one_dashboard_named_after_the_prefix() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "hearken"));
    }

    private String function() {
        return Templates.logicalId(template, "AWS::Lambda::Function", "FunctionName", "hearken-experiment-assign");
    }
}
