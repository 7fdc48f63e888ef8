package dev.hearken.ticket;

import dev.hearken.testing.aws.AwsEmulatorResource;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator (tables and queues from the template, seeds and test-only secrets loaded) plus the
 * Zendesk fake, with the function's configuration pointing at both — the same keys the CDK stack
 * and the local runtime set.
 */
public class TicketClassifyResource extends AwsEmulatorResource {

    public static final String TICKETS_QUEUE = "hearken-tickets";
    public static final String AUTO_REPLY_QUEUE = "hearken-auto-reply";
    public static final String ESCALATIONS_QUEUE = "hearken-review-escalations";
    public static final String DECISIONS = "hearken-ticket-decisions";
    public static final String SECRET = "hearken/zendesk";

    private static ZendeskFake zendesk;

    /** The fake shared by every test application of this module. */
    public static synchronized ZendeskFake zendesk() {
        if (zendesk == null) {
            zendesk = new ZendeskFake();
            Runtime.getRuntime().addShutdownHook(new Thread(zendesk::close, "zendesk-fake-stop"));
        }
        return zendesk;
    }

    public static String queueUrl(String name) {
        return Emulator.shared().sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        // The plain-SDK Secrets Manager client uses the default credentials chain, as in Lambda (the
        // Quarkiverse clients get static test credentials from the emulator config instead). Any
        // credentials do for the emulator; real ones in the environment win.
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
        config.put("hearken.zendesk.base-url", zendesk().baseUri().toString());
        // The fake has no account limit: the shared rate budget (on, on the emulator) is sized to it, so that a
        // test class's many tickets do not wait out Zendesk's real 100 ticket updates a minute.
        config.put("hearken.budgets.zendesk-requests", "100000/1m");
        config.put("hearken.budgets.zendesk-ticket-updates", "100000/1m");
        config.put("hearken.queues.tickets", queueUrl(TICKETS_QUEUE));
        config.put("hearken.queues.auto-reply", queueUrl(AUTO_REPLY_QUEUE));
        config.put("hearken.queues.review-escalations", queueUrl(ESCALATIONS_QUEUE));
        config.put("hearken.queues.tickets-dlq", queueUrl(TICKETS_QUEUE + "-dlq"));
        config.put("hearken.queues.review-escalations-dlq", queueUrl(ESCALATIONS_QUEUE + "-dlq"));
        return config;
    }
}
