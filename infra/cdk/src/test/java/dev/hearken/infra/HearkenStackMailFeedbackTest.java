package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The one-click unsubscribe endpoint (mail-unsubscribe) and SES feedback (configuration set → SNS → queue →
 * mail-feedback): both run the push-send artifact, may only update push-users and read the unsubscribe key.
 */
class HearkenStackMailFeedbackTest {

    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void mail_unsubscribe_runs_the_push_send_artifact_behind_the_public_post_and_get_routes() {
        String function = Templates.function("hearken-mail-unsubscribe");
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "hearken-mail-unsubscribe",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_FUNQY_EXPORT", "unsubscribe",
                        "HEARKEN_TABLES_PUSH_USERS", "hearken-push-users",
                        "HEARKEN_MAIL_SECRET_ID", "hearken/push-mail")))));
        template.hasResource("AWS::Lambda::Function", Map.of("Properties", Map.of("FunctionName", "hearken-mail-unsubscribe"),
                "Metadata", Match.objectLike(Map.of("hearken:artifact", Match.stringLikeRegexp("functions/push-send/target/.*")))));
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function))));
        for (String key : List.of("POST /mail/unsubscribe", "GET /mail/unsubscribe")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", key, "AuthorizationType", "NONE",
                    "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
        }
    }

    @Test
    void both_mail_functions_may_only_write_their_logs_update_push_users_and_read_the_unsubscribe_key() {
        String users = Templates.table("hearken-push-users");
        String secret = template.getResourceId("AWS::SecretsManager::Secret",
                Map.of("Properties", Match.objectLike(Map.of("Name", "hearken/push-mail"))));
        String logs = Templates.logicalId(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/hearken-mail-unsubscribe");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", Templates.role("hearken-mail-unsubscribe"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logs)),
                        allow("dynamodb:UpdateItem", List.of(arnOf(users))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret))))));
        String feedbackLogs = Templates.logicalId(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/hearken-mail-feedback");
        String queue = Templates.queue("hearken-mail-feedback");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", Templates.role("hearken-mail-feedback"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(feedbackLogs)),
                        allow(List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                                "sqs:DeleteMessage", "sqs:GetQueueAttributes"), arnOf(queue)),
                        allow("dynamodb:UpdateItem", List.of(arnOf(users))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret))))));
    }

    @Test
    void push_send_links_to_the_api_and_sends_through_the_hearken_mail_configuration_set() {
        String api = template.getResourceId("AWS::ApiGatewayV2::Api", Map.of());
        String configurationSet = Templates.logicalId(template, "AWS::SES::ConfigurationSet", "Name", "hearken-mail");
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "hearken-push-send",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_MAIL_UNSUBSCRIBE_URL", Map.of("Fn::Join", List.of("", List.of(
                                Map.of("Fn::GetAtt", List.of(api, "ApiEndpoint")), "/mail/unsubscribe"))),
                        "HEARKEN_MAIL_CONFIGURATION_SET", Map.of("Ref", configurationSet))))));
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", Templates.role("hearken-push-send"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "ses:SendRawEmail",
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":configuration-set/hearken-mail")))))))))));
    }

    @Test
    void bounces_and_complaints_go_to_an_sns_topic_that_feeds_the_mail_feedback_worker_queue_without_raw_delivery() {
        String configurationSet = Templates.logicalId(template, "AWS::SES::ConfigurationSet", "Name", "hearken-mail");
        String topic = Templates.logicalId(template, "AWS::SNS::Topic", "TopicName", "hearken-mail-feedback");
        template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", Map.of(
                "ConfigurationSetName", Map.of("Ref", configurationSet),
                "EventDestination", Map.of("Enabled", true, "MatchingEventTypes", List.of("bounce", "complaint"),
                        "SnsDestination", Map.of("TopicARN", Map.of("Ref", topic)))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("Topics", List.of(Map.of("Ref", topic)),
                "PolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sns:Publish", "Principal", Map.of("Service", "ses.amazonaws.com")))))));
        String queue = Templates.queue("hearken-mail-feedback");
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", false,
                "TopicArn", Map.of("Ref", topic), "Endpoint", arnOf(queue)));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "sqs:SendMessage",
                        "Principal", Map.of("Service", "sns.amazonaws.com"),
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Ref", topic))))))))));
        Templates.hasWorkerQueue(template, "hearken-mail-feedback", 60);
        Templates.consumes(template, "hearken-mail-feedback", "hearken-mail-feedback",
                Map.of("BatchSize", 10, "ScalingConfig", Map.of("MaximumConcurrency", 2)));
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
