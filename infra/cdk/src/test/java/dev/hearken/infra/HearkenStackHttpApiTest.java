package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HearkenStackHttpApiTest {

    private final Template template = Templates.hearken();

    @Test
    void there_is_one_http_api_with_an_auto_deployed_default_stage() {
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "Name", "hearken-http", "ProtocolType", "HTTP"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default", "AutoDeploy", true));
    }

    @Test
    void only_the_webhooks_and_the_unsubscribe_link_are_open_every_other_route_needs_a_signed_iam_caller() {
        // The open routes authenticate in the function: a webhook signature or token, or the sealed unsubscribe token.
        template.resourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Map.of("AuthorizationType", "NONE"), 4);
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /webhooks/zendesk", "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /webhooks/appfollow", "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /mail/unsubscribe", "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "GET /mail/unsubscribe", "AuthorizationType", "NONE"));
        // The operator API (/admin/…) is IAM-only by construction (StackBase.adminCollection); its routes are
        // counted by each context's own test, the others here.
        long iamOutsideAdmin = template.findResources("AWS::ApiGatewayV2::Route").values().stream()
                .map(r -> (Map<?, ?>) r.get("Properties"))
                .filter(p -> "AWS_IAM".equals(p.get("AuthorizationType")))
                .filter(p -> !String.valueOf(p.get("RouteKey")).contains(" /admin/"))
                .count();
        assertThat(iamOutsideAdmin).isEqualTo(13); // + app-api's 6 (#16)
        for (String key : List.of("POST /experiments/{key}/rollout", "GET /experiments/{key}/results",
                "POST /assignments", "GET /programs/{program}/overview", "GET /apps/{appId}/topics/{topic}/impact",
                "PUT /users/{userId}/profile", "DELETE /users/{userId}")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", key, "AuthorizationType", "AWS_IAM"));
        }
    }

    @Test
    void the_public_routes_are_throttled_at_the_stage_and_the_stage_waits_for_them() {
        Map<String, Object> limits = Map.of("ThrottlingRateLimit", HearkenStack.PUBLIC_ROUTE_RATE_LIMIT,
                "ThrottlingBurstLimit", HearkenStack.PUBLIC_ROUTE_BURST_LIMIT);
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default",
                "RouteSettings", Map.of(
                        "POST /webhooks/zendesk", limits,
                        "POST /webhooks/appfollow", limits,
                        "POST /mail/unsubscribe", limits,
                        "GET /mail/unsubscribe", limits)));
        String zendeskRoute = template.getResourceId("AWS::ApiGatewayV2::Route",
                Map.of("Properties", Map.of("RouteKey", "POST /webhooks/zendesk")));
        template.hasResource("AWS::ApiGatewayV2::Stage", Map.of("DependsOn", Match.arrayWith(List.of(zendeskRoute))));
    }

    @Test
    void both_assignment_routes_reach_experiment_assign_through_one_proxy_integration() {
        String function = Templates.logicalId(template, "AWS::Lambda::Function",
                "FunctionName", "hearken-experiment-assign");
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function))));
        Map<String, Object> target = Map.of("Fn::Join", List.of("",
                List.of("integrations/", Map.of("Ref", integration))));

        template.resourceCountIs("AWS::ApiGatewayV2::Route", 79); // + 6 of app-api, 24 of push-admin, 9 of experiments-admin, 14 of ticket-admin, 8 of auto-reply-admin, 7 of review-ingest-admin (#16); + AppFollow webhook, impact query (#5); results, rollout, conversions, program overview (#10); POST/GET /mail/unsubscribe (#7)
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /experiments/{key}/assignments", "Target", target));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /assignments", "Target", target));
    }

    @Test
    void the_integration_is_a_lambda_proxy_with_payload_format_2_0() {
        String function = Templates.logicalId(template, "AWS::Lambda::Function",
                "FunctionName", "hearken-experiment-assign");
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0",
                "IntegrationUri", arnOf(function)));
    }

    @Test
    void api_gateway_may_invoke_the_function_only_for_its_routes() {
        // Only API Gateway's: EventBridge rules add permissions of their own (principal events.amazonaws.com).
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Map.of("Principal", "apigateway.amazonaws.com"), 79); // one per route
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "SourceArn", Match.objectLike(Map.of("Fn::Join", Match.anyValue()))), 79);
    }

    @Test
    void the_stack_outputs_the_api_url() {
        template.hasOutput("HttpApiUrl", Map.of("Value", Map.of("Fn::GetAtt", List.of(
                template.getResourceId("AWS::ApiGatewayV2::Api", Map.of()), "ApiEndpoint"))));
    }
}
