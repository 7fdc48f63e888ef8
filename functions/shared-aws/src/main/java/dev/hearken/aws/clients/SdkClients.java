package dev.hearken.aws.clients;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the AWS SDK clients that have no Quarkiverse extension served to this project (Secrets
 * Manager, EventBridge), the way the extension-made clients are built: the small URL-connection HTTP
 * client, and endpoint, region and credentials from the SDK's standard configuration
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, the default chain) unless
 * {@code hearken.aws.endpoint-override} / {@code hearken.aws.region} are set — which only the test
 * harness does; with an override and no {@code AWS_ACCESS_KEY_ID}, emulator credentials are used.
 * Building a client makes no call.
 */
@Singleton
public class SdkClients {

    private final Optional<URI> endpoint;
    private final Optional<String> region;

    SdkClients(@ConfigProperty(name = "hearken.aws.endpoint-override") Optional<URI> endpoint,
            @ConfigProperty(name = "hearken.aws.region") Optional<String> region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** {@code builder} configured as described above, built. */
    public <C, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(B builder) {
        builder.httpClient(UrlConnectionHttpClient.create());
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
}
