package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading routes, queue mappings and schedules from CloudFormation as CDK synthesises it. */
class LocalTemplateTest {

    private static final String TEMPLATE = """
            {"Resources": {
              "Fn": {"Type": "AWS::Lambda::Function",
                     "Metadata": {"hearken:function": "ticket-classify", "hearken:artifact": "functions/ticket-classify/target/function.zip"},
                     "Properties": {"Handler": "h::handleRequest", "MemorySize": 1024, "Timeout": 20,
                       "Environment": {"Variables": {"QUEUE": {"Ref": "Q"}, "TABLE": {"Ref": "T"}, "PLAIN": "x",
                                                     "ARN": {"Fn::GetAtt": ["T", "Arn"]},
                                                     "QUEUE_ARN": {"Fn::GetAtt": ["Q", "Arn"]},
                                                     "ROLE_ARN": {"Fn::GetAtt": ["R", "Arn"]},
                                                     "BUS_ARN": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":events:",
                                                         {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":event-bus/default"]]},
                                                     "API_URL": {"Fn::Join": ["", ["https://", {"Ref": "Integration"}, ".execute-api"]]}}}}},
              "R": {"Type": "AWS::IAM::Role", "Properties": {}},
              "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "hearken-tickets"}},
              "T": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "hearken-decisions"}},
              "Esm": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                      "EventSourceArn": {"Fn::GetAtt": ["Q", "Arn"]}, "FunctionName": {"Ref": "Fn"},
                      "BatchSize": 5, "MaximumBatchingWindowInSeconds": 2,
                      "FunctionResponseTypes": ["ReportBatchItemFailures"]}},
              "Rule": {"Type": "AWS::Events::Rule", "Properties": {"Name": "hearken-poll", "ScheduleExpression": "rate(15 minutes)",
                       "Targets": [{"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}, "Id": "t"}]}},
              "Events": {"Type": "AWS::Events::Rule", "Properties": {"Name": "hearken-push-campaign-scheduled",
                       "EventPattern": {"source": ["hearken.campaigns"], "detail-type": ["Campaign Scheduled", "Campaign Continued"]},
                       "Targets": [{"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}, "Id": "t"}]}},
              "Integration": {"Type": "AWS::ApiGatewayV2::Integration", "Properties": {"IntegrationUri": {"Fn::GetAtt": ["Fn", "Arn"]}}},
              "Route": {"Type": "AWS::ApiGatewayV2::Route", "Properties": {"RouteKey": "POST /webhooks/zendesk",
                        "AuthorizationType": "NONE",
                        "Target": {"Fn::Join": ["", ["integrations/", {"Ref": "Integration"}]]}}},
              "AdminRoute": {"Type": "AWS::ApiGatewayV2::Route", "Properties": {"RouteKey": "GET /admin",
                        "AuthorizationType": "AWS_IAM",
                        "Target": {"Fn::Join": ["", ["integrations/", {"Ref": "Integration"}]]}}}
            }}""";

    private final JsonNode json = read(TEMPLATE);
    private final LocalTemplate template = new LocalTemplate(json);

    @Test
    void routes_point_at_the_function_behind_their_integration_and_know_their_authoriser() {
        assertThat(template.routes()).containsExactly(new LocalTemplate.Route("POST /webhooks/zendesk", "Fn", false),
                new LocalTemplate.Route("GET /admin", "Fn", true));
    }

    @Test
    void queue_mappings_keep_batch_size_window_and_partial_failures() {
        assertThat(template.queueMappings()).containsExactly(
                new LocalTemplate.QueueMapping("hearken-tickets", "Fn", 5, 2, true));
    }

    @Test
    void scheduled_rules_target_their_function() {
        assertThat(template.schedules()).singleElement().satisfies(s -> {
            assertThat(s.ruleName()).isEqualTo("hearken-poll");
            assertThat(s.functionLogicalId()).isEqualTo("Fn");
            assertThat(Scheduler.rate(s.expression())).isEqualTo(Duration.ofMinutes(15));
        });
    }

    @Test
    void function_environment_resolves_names_urls_and_queue_and_role_arns_and_skips_other_intrinsics() {
        var functions = TemplateFunctions.read(json, Map.of("hearken-tickets", "http://q/123456789012/hearken-tickets"),
                "eu-west-1");

        assertThat(functions).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("ticket-classify");
            assertThat(f.module()).isEqualTo("functions/ticket-classify");
            assertThat(f.memoryMb()).isEqualTo(1024);
            assertThat(f.environment()).containsEntry("QUEUE", "http://q/123456789012/hearken-tickets")
                    .containsEntry("TABLE", "hearken-decisions").containsEntry("PLAIN", "x")
                    .containsEntry("QUEUE_ARN", "arn:aws:sqs:eu-west-1:123456789012:hearken-tickets")
                    .containsEntry("ROLE_ARN", "arn:aws:iam::123456789012:role/R")
                    .containsEntry("BUS_ARN", "arn:aws:events:eu-west-1:123456789012:event-bus/default")
                    .doesNotContainKey("ARN").doesNotContainKey("API_URL");
        });
    }

    @Test
    void a_scheduled_event_has_the_eventbridge_shape() {
        JsonNode event = read(Scheduler.event(template.schedules().get(0)));

        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("resources").path(0).asText()).endsWith(":rule/hearken-poll");
        assertThat(Scheduler.rate("cron(0 9 * * ? *)")).isNull();
    }

    private static JsonNode read(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_event_pattern_rule_matches_its_sources_and_detail_types_and_is_not_a_schedule() {
        LocalTemplate template = new LocalTemplate(read(TEMPLATE));

        assertThat(template.eventRules()).singleElement().satisfies(rule -> {
            assertThat(rule.functionLogicalId()).isEqualTo("Fn");
            assertThat(rule.matches("hearken.campaigns", "Campaign Scheduled")).isTrue();
            assertThat(rule.matches("hearken.campaigns", "Campaign Cancelled")).isFalse();
            assertThat(rule.matches("aws.scheduler", "Campaign Scheduled")).isFalse();
        });
        assertThat(template.schedules()).extracting(LocalTemplate.Schedule::ruleName).containsExactly("hearken-poll");
    }
}
