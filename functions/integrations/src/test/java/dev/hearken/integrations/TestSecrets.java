package dev.hearken.integrations;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import java.time.Duration;

/** The seeded local secrets ({@code infra/seed/secrets.local.json}) in the emulator's Secrets Manager, read as the functions read them. */
public final class TestSecrets {

    private static SecretReader reader;

    private TestSecrets() {
    }

    public static synchronized SecretReader reader() {
        if (reader == null) {
            Seeds.loadSecrets(Emulator.shared().secrets());
            reader = new SecretReader(Emulator.shared().secrets(), new ObjectMapper(), Duration.ZERO);
        }
        return reader;
    }
}
