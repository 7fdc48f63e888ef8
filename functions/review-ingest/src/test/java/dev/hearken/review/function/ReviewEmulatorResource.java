package dev.hearken.review.function;

import dev.hearken.testing.aws.AwsEmulatorResource;
import java.util.Map;

/**
 * The emulator with the template's tables and queues, the table seeds (the configured apps) and the test-only
 * secrets of {@code infra/seed/secrets.local.json}.
 */
public class ReviewEmulatorResource extends AwsEmulatorResource {

    @Override
    public Map<String, String> start() {
        // The plain-SDK Secrets Manager client uses the default credentials chain, as in Lambda (the Quarkiverse
        // clients get static test credentials from the emulator config instead). Any credentials do for the
        // emulator; real ones in the environment win.
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
        return super.start();
    }
}
