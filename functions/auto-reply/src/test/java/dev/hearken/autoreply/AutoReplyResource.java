package dev.hearken.autoreply;

import dev.hearken.testing.aws.AwsEmulatorResource;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator (tables and queues from the template; reply templates, inbound mail, experiments and
 * test-only secrets seeded; the SES identity verified) plus the Zendesk, App Store Connect and Google
 * Play fakes, with the function's configuration pointing at them — the same keys the CDK stack and
 * the local runtime set.
 */
public class AutoReplyResource extends AwsEmulatorResource {

    public static final String QUEUE = "hearken-auto-reply";
    public static final String REPLIES = "hearken-replies";
    public static final String INBOUND_MAIL = "hearken-inbound-mail";

    private static ZendeskFake zendesk;
    private static AppStoreConnectFake appStore;
    private static GooglePlayFake googlePlay;

    /** The fake shared by every test application of this module. */
    public static synchronized ZendeskFake zendesk() {
        if (zendesk == null) {
            zendesk = new ZendeskFake();
            Runtime.getRuntime().addShutdownHook(new Thread(zendesk::close, "zendesk-fake-stop"));
        }
        return zendesk;
    }

    /** The App Store Connect fake shared by every test application of this module. */
    public static synchronized AppStoreConnectFake appStore() {
        if (appStore == null) {
            appStore = new AppStoreConnectFake();
            Runtime.getRuntime().addShutdownHook(new Thread(appStore::close, "appstore-fake-stop"));
        }
        return appStore;
    }

    /** The Google Play fake shared by every test application of this module. */
    public static synchronized GooglePlayFake googlePlay() {
        if (googlePlay == null) {
            googlePlay = new GooglePlayFake();
            Runtime.getRuntime().addShutdownHook(new Thread(googlePlay::close, "googleplay-fake-stop"));
        }
        return googlePlay;
    }

    public static String queueUrl() {
        return Emulator.shared().sqs().getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
    }

    public static String dlqUrl() {
        return Emulator.shared().sqs().getQueueUrl(b -> b.queueName(QUEUE + "-dlq")).queueUrl();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        ExperimentSeeds.load(Emulator.shared().dynamo(), "hearken-experiments", ExperimentSeeds.defaultFile());
        // The plain-SDK Secrets Manager client uses the default credentials chain, as in Lambda; any
        // credentials do for the emulator, real ones in the environment win.
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
        config.put("hearken.zendesk.base-url", zendesk().baseUri().toString());
        // The fake has no account limit: the shared rate budget (on, on the emulator) is sized to it, so that a
        // test class's many tickets do not wait out Zendesk's real 100 ticket updates a minute.
        config.put("hearken.budgets.zendesk-requests", "100000/1m");
        config.put("hearken.budgets.zendesk-ticket-updates", "100000/1m");
        config.put("hearken.appstore.base-url", appStore().baseUri().toString());
        config.put("hearken.googleplay.base-url", googlePlay().baseUri().toString());
        config.put("hearken.googleplay.oauth-base-url", googlePlay().baseUri().toString());
        config.put("hearken.queues.auto-reply", queueUrl());
        config.put("hearken.queues.auto-reply-dlq", dlqUrl());
        return config;
    }
}
