package dev.hearken.ticket.admin;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The artifact with {@code QUARKUS_FUNQY_EXPORT=admin}, as the CDK stack sets for {@code hearken-ticket-admin}. The
 * routing rules are not cached here, so that a test reads with the worker's adapter what it just wrote (in AWS a
 * warm worker sees an edit within {@code hearken.tickets.rules-cache-ttl}, 60 s).
 */
public class AdminExport implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "admin", "hearken.tickets.rules-cache-ttl", "0s");
    }
}
