package dev.hearken.push.function;

import dev.hearken.testing.aws.AwsEmulatorResource;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.fakes.apns.ApnsFake;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator with the template's tables and queues, the seeds ({@code infra/seed/tables/push-*.json},
 * experiment definitions, the test-only {@code hearken/fcm} and {@code hearken/apns} secrets), and the
 * FCM and APNs fakes the function is pointed at (APNs over HTTP/2 and TLS: the function trusts the
 * fake's certificate, as in local runs), and long deferrals on as the CDK stack sets them (the
 * provisioner creates the template's schedule groups; moto accepts any role ARN and never fires a schedule).
 */
public class PushEmulatorResource extends AwsEmulatorResource {

    static final FcmFake FCM = new FcmFake();
    static final ApnsFake APNS = new ApnsFake();
    /** The role the deferral schedules are given; in AWS the stack's deferral role. */
    static final String DEFERRAL_ROLE_ARN = "arn:aws:iam::123456789012:role/hearken-push-deferrals-test";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        ExperimentSeeds.load(Emulator.shared().dynamo(), "hearken-experiments", ExperimentSeeds.defaultFile());
        config.put("hearken.push.fcm.base-url", FCM.baseUri().toString());
        config.put("hearken.push.fcm.token-uri", FCM.baseUri() + "/token");
        config.put("hearken.push.apns.base-url", APNS.baseUri().toString());
        config.put("hearken.push.apns.trust-certificates", APNS.trustCertificates().toString());
        config.put("hearken.push.deferrals.enabled", "true");
        config.put("hearken.push.deferrals.role-arn", DEFERRAL_ROLE_ARN);
        return config;
    }

    @Override
    public void stop() {
        FCM.close();
        APNS.close();
    }
}
