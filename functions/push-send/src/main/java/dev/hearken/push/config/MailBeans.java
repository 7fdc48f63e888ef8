package dev.hearken.push.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.push.aws.DynamoDbProgramCounters;
import dev.hearken.push.aws.SesEmailGateway;
import dev.hearken.push.provider.SecretSource;
import dev.hearken.push.provider.UnsubscribeTokens;
import dev.hearken.push.service.EmailChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ses.SesClient;

/** Wires push-send's e-mail channel (SES, unsubscribe links) and its program-overview counters. */
@ApplicationScoped
public class MailBeans {

    @Produces
    @Singleton
    EmailChannel emailChannel(SesClient ses, SecretsManagerClient secrets, ObjectMapper json, MailSettings mail,
            PushSettings push) {
        SecretSource source = new SecretSource(secrets, json);
        return new EmailChannel(
                new SesEmailGateway(ses, mail.from(), mail.fromName().orElse(null), push.defaultRetry(), Clock.systemUTC()),
                new UnsubscribeTokens(mail.unsubscribeUrl(), source::json, mail.secretId()));
    }

    @Produces
    @Singleton
    DynamoDbProgramCounters programCounters(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbProgramCounters(dynamo, tables.programStats());
    }
}
