package dev.hearken.aws.secrets;

import dev.hearken.aws.clients.SdkClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The one Secrets Manager client of a function. No Quarkiverse extension for Secrets Manager is
 * served to this project, so it is built here, once per process, by {@link SdkClients}.
 */
@ApplicationScoped
public class SecretsManagerProducer {

    @Produces
    @Singleton
    SecretsManagerClient secretsManager(SdkClients clients) {
        return clients.build(SecretsManagerClient.builder());
    }

    void close(@Disposes SecretsManagerClient client) {
        client.close();
    }
}
