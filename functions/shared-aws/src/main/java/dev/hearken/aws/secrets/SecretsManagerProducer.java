package dev.hearken.aws.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The one Secrets Manager client of a function. No Quarkiverse extension for Secrets Manager is
 * served to this project, so it is built here, once per process, with the same small URL-connection
 * HTTP client as the extension-made clients. Endpoint, region and credentials come from the SDK's
 * standard configuration ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, the default chain) unless
 * {@code hearken.aws.endpoint-override} / {@code hearken.aws.region} are set — which only the test
 * harness does; with an override and no {@code AWS_ACCESS_KEY_ID}, emulator credentials are used.
 */
@ApplicationScoped
public class SecretsManagerProducer {

    @Produces
    @Singleton
    SecretsManagerClient secretsManager(
            @ConfigProperty(name = "hearken.aws.endpoint-override") Optional<URI> endpoint,
            @ConfigProperty(name = "hearken.aws.region") Optional<String> region) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(uri -> {
            builder.endpointOverride(uri);
            if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
                // An emulator accepts any credentials; the override exists only in local/test setups.
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
            }
        });
        region.map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    void close(@Disposes SecretsManagerClient client) {
        client.close();
    }
}
