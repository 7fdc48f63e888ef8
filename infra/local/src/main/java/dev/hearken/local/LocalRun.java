package dev.hearken.local;

import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.aws.SentMail;
import java.nio.file.Path;
import java.util.List;

/**
 * The main job ({@code make run}): the whole pipeline on this machine from the real function artifacts.
 *
 * <ol>
 *   <li>an AWS emulator (moto started here, or {@code AWS_ENDPOINT_URL});</li>
 *   <li>tables and queues created from the synthesised CDK template, seed data loaded;</li>
 *   <li>every function of the template started from its {@code function.zip} behind a Lambda Runtime API,
 *       its queues polled like event source mappings, its routes served like API Gateway;</li>
 *   <li>every {@code events/<function>/*.json} sample replayed through its entry point, with a report.</li>
 * </ol>
 *
 * <p>Options: {@code --keep-running} keeps everything up afterwards so the HTTP API can be called with
 * curl; {@code --port N} fixes the HTTP API port (default 8787 with --keep-running, any free port otherwise).
 */
public final class LocalRun {

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        boolean keepRunning = List.of(args).contains("--keep-running");
        int port = keepRunning ? 8787 : 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        Path root = RepositoryRoot.get();
        Report report = new Report(System.out);
        int unexpected = 0;
        try (LocalSystem system = LocalSystem.start(root, report)) {
            HttpGateway gateway = system.gateway(port);
            report.step("HTTP API (routes from the template) on http://127.0.0.1:" + gateway.port());
            system.routeKeys().forEach(r -> report.detail(r));
            Scheduler scheduler = system.scheduler(report);
            gateway.scheduler(scheduler);
            unexpected += system.bootstrapFailures();
            Replayer replayer = new Replayer(system, gateway.port());
            for (String function : system.functionNames()) {
                report.step("replaying events/" + function + "/");
                for (Replayer.Result result : replayer.replay(root.resolve("events"), function)) {
                    report.result(result);
                    unexpected += result.expected() ? 0 : 1;
                }
                FunctionProcess process = system.process(function);
                report.detail(String.format("resident memory of %s: %d MB; log: %s", function,
                        process.residentMb(), root.relativize(process.log())));
            }
            if (!scheduler.schedules().isEmpty()) {
                report.step("firing every scheduled rule once");
                scheduler.schedules().forEach(s -> scheduler.fire(s.ruleName()));
            }
            OneTimeSchedules deferred = system.oneTimeSchedules(report);
            reportDeferred(report, deferred);
            for (var fake : system.fakes().all()) {
                report.step("what " + fake.name() + " received (" + fake.recorded().size() + " requests)");
                fake.recorded().forEach(r -> report.detail(r.method() + " " + r.path() + " " + r.protocol() + " → " + r.status()));
            }
            reportMail(report, system);
            report.step(unexpected == 0 ? "done: every sample got the answer its scenario expects"
                    : "done: " + unexpected + " sample(s) got an unexpected answer (marked ✗); logs in target/local/");
            if (keepRunning) {
                gateway.listener(line -> report.detail("request: " + line));
                scheduler.start();
                deferred.start(5);
                report.step("still running; try:");
                report.detail("curl -s -XPOST http://127.0.0.1:" + gateway.port()
                        + "/experiments/onboarding-push-copy/assignments -d '{\"userId\":\"u-1\",\"attributes\":{\"platform\":\"ios\"}}'");
                scheduler.schedules().forEach(s -> report.detail("curl -s -XPOST http://127.0.0.1:" + gateway.port()
                        + "/_local/schedules/" + s.ruleName() + "   # fire " + s.expression() + " now"));
                report.detail("one-time schedules are fired when due, checked every 5 s: long push deferrals to their queue,"
                        + " campaign schedules (POST /admin/campaigns/{campaignId}/schedule) as events to push-campaign");
                report.detail("Ctrl-C stops everything.");
                Thread.currentThread().join();
            }
        }
        System.exit(unexpected == 0 ? 0 : 1);
    }

    /** The one-time schedules waiting (long push deferrals, campaigns): when, and to which queue or bus; never their input. */
    private static void reportDeferred(Report report, OneTimeSchedules deferred) {
        List<OneTimeSchedules.Pending> pending;
        try {
            pending = deferred.pending();
        } catch (RuntimeException e) {
            report.step("EventBridge Scheduler one-time schedules: not shown (" + e.getClass().getSimpleName() + ")");
            return;
        }
        report.step("EventBridge Scheduler one-time schedules waiting (" + pending.size() + ")");
        pending.forEach(p -> report.detail(p.group() + "/" + p.name() + " at " + p.at() + " → " + p.target()));
    }

    /**
     * What SES accepted. Recipients are personal data: only their domain is shown, never the address
     * or the body.
     */
    private static void reportMail(Report report, LocalSystem system) {
        List<SentMail.Mail> mails;
        try {
            mails = system.emulator().sentMail().all();
        } catch (RuntimeException e) {
            report.step("what SES accepted: not shown (" + e.getMessage() + ")");
            return;
        }
        report.step("what SES accepted (" + mails.size() + " e-mails)");
        for (SentMail.Mail mail : mails) {
            String domains = mail.destinations().stream()
                    .map(d -> "…@" + d.substring(d.lastIndexOf('@') + 1).replace(">", ""))
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("nobody");
            report.detail(mail.source() + " → " + domains + (mail.raw() ? " (raw MIME, " : " (")
                    + mail.body().length() + " chars)");
        }
    }
}
