package dev.hearken.testing.aws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: an AWS emulator (see {@link Emulator}) with every table and queue of the
 * synthesised template created, the seeds of {@link Seeds} loaded, and the Quarkiverse clients
 * (plus {@code hearken.aws.*} for clients without an extension) pointed at it.
 *
 * <p>Use with {@code @QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = false)}
 * on one test class of a module so all its {@code @QuarkusTest}s share one application start.
 */
public class AwsEmulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Emulator emulator = Emulator.shared();
        TemplateProvisioner template = TemplateProvisioner.fromClasspath();
        template.provision(emulator);
        Seeds.loadTables(emulator.dynamo(), template.tableNames(), "hearken");
        Seeds.loadSecrets(emulator.secrets());
        return emulator.quarkusConfig();
    }

    @Override
    public void stop() {
        // The emulator lives as long as the JVM (a shutdown hook stops a moto server we started),
        // so several test applications in one module share it.
    }
}
