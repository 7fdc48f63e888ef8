package dev.hearken.review.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The Secrets Manager client: no Quarkiverse extension is available for it here, so it is built once per
 * process with the same small URL-connection HTTP client as the others. Endpoint and region come from the SDK's
 * standard configuration ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}) unless {@code hearken.aws.endpoint-override}
 * / {@code hearken.aws.region} are set (the test harness sets them).
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
        endpoint.ifPresent(builder::endpointOverride);
        region.map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    void close(@Disposes SecretsManagerClient client) {
        client.close();
    }
}
