package dev.hearken.push.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * push-campaign's hand-over to its next invocation. No Quarkiverse EventBridge extension is served
 * here, so the client is built like shared-aws' Secrets Manager client: the SDK's standard configuration
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, the default chain) unless the test harness sets
 * {@code hearken.aws.*}. Building it makes no call; only a hand-over does.
 */
@ApplicationScoped
public class CampaignBeans {

    @Produces
    @Singleton
    EventBridgeClient eventBridge(@ConfigProperty(name = "hearken.aws.endpoint-override") Optional<URI> endpoint,
            @ConfigProperty(name = "hearken.aws.region") Optional<String> region) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create());
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

    void close(@Disposes EventBridgeClient client) {
        client.close();
    }

    @Produces
    @Singleton
    EventBridgeCampaignContinuation continuation(EventBridgeClient events, ObjectMapper json, PushSettings settings) {
        return new EventBridgeCampaignContinuation(events, json, settings.campaign().eventBus());
    }
}
