package dev.hearken.push.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.clients.SdkClients;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * push-campaign's hand-over to its next invocation. No Quarkiverse EventBridge extension is served
 * here, so the client is built by shared-aws' {@link SdkClients}. Building it makes no call; only a
 * hand-over does.
 */
@ApplicationScoped
public class CampaignBeans {

    @Produces
    @Singleton
    EventBridgeClient eventBridge(SdkClients clients) {
        return clients.build(EventBridgeClient.builder());
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
