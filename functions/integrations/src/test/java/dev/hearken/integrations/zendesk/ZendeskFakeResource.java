package dev.hearken.integrations.zendesk;

import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The Zendesk fake and a Zendesk secret in the emulator, with the configuration keys the stack sets. */
public class ZendeskFakeResource implements QuarkusTestResourceLifecycleManager {

    private static ZendeskFake zendesk;

    /** The fake of this module's test application. */
    public static synchronized ZendeskFake zendesk() {
        if (zendesk == null) {
            zendesk = new ZendeskFake();
        }
        return zendesk;
    }

    @Override
    public Map<String, String> start() {
        Emulator emulator = Emulator.shared();
        String secretId = "hearken/test/zendesk-" + UUID.randomUUID();
        emulator.secrets().createSecret(b -> b.name(secretId).secretString("{\"webhookSigningSecret\":\"s\","
                + "\"apiEmail\":\"" + ZendeskFake.API_EMAIL + "\",\"apiToken\":\"" + ZendeskFake.API_TOKEN + "\"}"));
        Map<String, String> config = new LinkedHashMap<>(emulator.quarkusConfig());
        config.put("hearken.zendesk.base-url", zendesk().baseUri().toString());
        config.put("hearken.zendesk.secret-id", secretId);
        return config;
    }

    @Override
    public synchronized void stop() {
        if (zendesk != null) {
            zendesk.close();
            zendesk = null;
        }
    }
}
