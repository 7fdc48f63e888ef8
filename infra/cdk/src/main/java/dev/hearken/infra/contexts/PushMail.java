package dev.hearken.infra.contexts;

import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;

/**
 * The e-mail channel of push-send (channel {@code email} / {@code push-then-email}): the CRM e-mail of a
 * program goes out through SES, with a one-click unsubscribe link whose token is sealed with the key in
 * {@code <prefix>/push-mail}. Part of {@link PushSend}, which declares it; both functions here run the
 * {@code functions/push-send} artifact.
 *
 * <p>One-click unsubscribe (RFC 8058): the links in every mail point at {@code POST/GET /mail/unsubscribe},
 * served by mail-unsubscribe. Public routes: mail clients cannot sign; the sealed token is the
 * authentication. It opens the token with the key and adds {@code email:<program>} to optOuts, nothing else.
 *
 * <p>Feedback: push-send sends through the configuration set {@code <prefix>-mail}, whose event destination
 * publishes bounces and complaints to an SNS topic; the mail-feedback queue (SNS envelope, no raw delivery)
 * feeds mail-feedback, which marks the user's emailStatus (bounced on a permanent bounce, complained) found
 * by the mail's sealed recipient tag. UpdateItem on push-users and the key, nothing else.
 */
final class PushMail {

    /**
     * @param sender    the push-send worker, which sends the mail
     * @param pushUsers the users table, whose opt-outs and e-mail status the two mail functions update
     */
    PushMail(StackBase platform, HearkenFunction sender, DataTable pushUsers) {
        platform.sendsMail(sender, "notifications");
        sender.addEnvironment("HEARKEN_MAIL_FROM_NAME", platform.settings().mailSenderName());
        NamedSecret key = platform.secret("PushMailSecret", "push-mail",
                "Key of e-mail unsubscribe tokens (JSON: unsubscribeKey = base64 of 32 random bytes)");
        key.grantRead(sender, "HEARKEN_MAIL_SECRET_ID");

        HearkenFunction unsubscribe = platform.function(HearkenFunctionProps.builder("mail-unsubscribe")
                .module("functions/push-send")
                .export("unsubscribe")
                .build());
        pushUsers.grant(unsubscribe, "dynamodb:UpdateItem");
        key.grantRead(unsubscribe, "HEARKEN_MAIL_SECRET_ID");
        platform.publicRoute(HttpMethod.POST, "/mail/unsubscribe", unsubscribe);
        platform.publicRoute(HttpMethod.GET, "/mail/unsubscribe", unsubscribe);
        // The API does not depend on push-send (only the routes depend on their functions), so this
        // reference makes no cycle. A custom domain would replace it.
        sender.addEnvironment("HEARKEN_MAIL_UNSUBSCRIBE_URL", platform.httpApi().getApiEndpoint() + "/mail/unsubscribe");

        String configurationSetName = platform.settings().physicalName("mail");
        ConfigurationSet configurationSet = ConfigurationSet.Builder.create(platform.scope(), "MailConfigurationSet")
                .configurationSetName(configurationSetName)
                .build();
        Topic feedbackTopic = Topic.Builder.create(platform.scope(), "MailFeedbackTopic")
                .topicName(platform.settings().physicalName("mail-feedback"))
                .displayName("SES bounces and complaints of Hearken mail")
                .build();
        configurationSet.addEventDestination("MailFeedbackDestination", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.snsTopic(feedbackTopic))
                .events(List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT))
                .build());
        HearkenFunction feedback = platform.function(HearkenFunctionProps.builder("mail-feedback")
                .module("functions/push-send")
                .export("feedback")
                .build());
        WorkerQueue feedbackQueue = platform.queue(WorkerQueueProps.builder("mail-feedback", feedback.timeout()).build());
        feedbackTopic.addSubscription(SqsSubscription.Builder.create(feedbackQueue.queue())
                .rawMessageDelivery(false)
                .build());
        feedbackQueue.consumer(feedback, ConsumerOptions.builder().batchSize(10).maxConcurrency(2).build());
        pushUsers.grant(feedback, "dynamodb:UpdateItem");
        key.grantRead(feedback, "HEARKEN_MAIL_SECRET_ID");

        // Ref of the configuration set is its name, and makes push-send wait for it (a send naming a
        // configuration set that does not exist is refused). Sending through it needs the action on it too.
        sender.addEnvironment("HEARKEN_MAIL_CONFIGURATION_SET", configurationSet.getConfigurationSetName());
        sender.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendRawEmail"))
                .resources(List.of(platform.arn("ses", "configuration-set/" + configurationSetName)))
                .build());
    }
}
