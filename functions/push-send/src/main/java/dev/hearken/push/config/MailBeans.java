package dev.hearken.push.config;

import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.push.aws.DynamoDbMailPreferences;
import dev.hearken.push.aws.DynamoDbProgramCounters;
import dev.hearken.push.aws.SesEmailGateway;
import dev.hearken.push.provider.UnsubscribeTokens;
import dev.hearken.push.service.EmailChannel;
import dev.hearken.push.service.MailFeedbackService;
import dev.hearken.push.service.UnsubscribeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * Wires push-send's e-mail channel (SES, unsubscribe links), the one-click unsubscribe endpoint and the SES
 * feedback consumer (both only ever {@code UpdateItem} on {@code push-users}), and the program-overview counters.
 */
@ApplicationScoped
public class MailBeans {

    @Produces
    @Singleton
    UnsubscribeTokens unsubscribeTokens(SecretReader secrets, MailSettings mail) {
        return new UnsubscribeTokens(mail.unsubscribeUrl(), secrets::json, mail.secretId());
    }

    @Produces
    @Singleton
    EmailChannel emailChannel(SesClient ses, UnsubscribeTokens tokens, MailSettings mail, PushSettings push) {
        return new EmailChannel(
                new SesEmailGateway(ses, mail.from(), mail.fromName().orElse(null), push.defaultRetry(), Clock.systemUTC(),
                        mail.configurationSet().orElse(null), tokens::recipientTag),
                tokens);
    }

    @Produces
    @Singleton
    DynamoDbMailPreferences mailPreferences(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbMailPreferences(dynamo, tables.pushUsers(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    UnsubscribeService unsubscribeService(UnsubscribeTokens tokens, DynamoDbMailPreferences preferences) {
        return new UnsubscribeService(tokens, preferences);
    }

    @Produces
    @Singleton
    MailFeedbackService mailFeedbackService(UnsubscribeTokens tokens, DynamoDbMailPreferences preferences) {
        return new MailFeedbackService(tokens, preferences);
    }

    @Produces
    @Singleton
    DynamoDbProgramCounters programCounters(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbProgramCounters(dynamo, tables.programStats());
    }
}
