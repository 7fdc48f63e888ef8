package dev.hearken.push.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * The one-time EventBridge Scheduler schedule that starts a campaign: in the campaigns' schedule group, at
 * {@code at(yyyy-MM-ddTHH:mm:ss)} UTC, flexible time window off, deleted after it fires; its target is the event
 * bus the push-campaign rule listens on (EventBridge {@code PutEvents}, source {@value
 * EventBridgeCampaignContinuation#SOURCE}, detail-type {@value #DETAIL_TYPE}), with the detail
 * {@code {campaignId, program, runId, hop}} that {@code CampaignEvent} reads — the same event the app backend can
 * put itself. Scheduler sends it with the campaign scheduler role, which may only put events on that bus.
 *
 * <p>One schedule per campaign, named after it: arming an armed campaign again (a retried request) updates the
 * schedule rather than adding a second; disarming one that already fired (and deleted itself) is not an error.
 *
 * @see <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html">templated
 *      targets: EventBridge PutEvents</a>
 */
public final class CampaignSchedules {

    /** The detail-type of the event a campaign schedule puts (the push-campaign rule matches it). */
    public static final String DETAIL_TYPE = "Campaign Scheduled";

    /** Scheduler's names: 1–64 of {@code [0-9a-zA-Z-_.]}. */
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z_.-]{1,64}");

    /** The event's detail, as push-campaign reads it ({@code CampaignEvent.Detail}). */
    public record Detail(String campaignId, String program, String runId, long hop) {}

    private final SchedulerClient scheduler;
    private final ObjectMapper json;
    private final String group;
    private final String roleArn;
    private final String busArn;

    /**
     * @param group   the campaigns' schedule group (declared by the CDK stack)
     * @param roleArn the role Scheduler assumes to put the event
     * @param busArn  the ARN of the bus the push-campaign rule listens on
     */
    public CampaignSchedules(SchedulerClient scheduler, ObjectMapper json, String group, String roleArn, String busArn) {
        this.scheduler = scheduler;
        this.json = json;
        this.group = group;
        this.roleArn = roleArn;
        this.busArn = busArn;
    }

    /** Creates (or moves) the campaign's schedule so that {@code detail} is put as a "Campaign Scheduled" event at {@code at}. */
    public void arm(Detail detail, Instant at) {
        if (roleArn == null || busArn == null) {
            throw new IllegalStateException("campaign schedules are not configured: set hearken.push.admin."
                    + "campaign-scheduler-role-arn and campaign-event-bus-arn (the CDK stack does)");
        }
        String input;
        try {
            input = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign schedule detail not serialisable", e);
        }
        Target target = Target.builder().arn(busArn).roleArn(roleArn).input(input)
                .eventBridgeParameters(p -> p.source(EventBridgeCampaignContinuation.SOURCE).detailType(DETAIL_TYPE))
                .build();
        String name = scheduleName(detail.campaignId());
        String expression = SchedulerDeferrals.expression(at);
        try {
            scheduler.createSchedule(b -> b.groupName(group).name(name).scheduleExpression(expression)
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE).target(target)
                    .description("campaign " + detail.campaignId()));
        } catch (ConflictException exists) {
            // Armed before (a retried request, or one left by a pause that could not delete it): move it.
            scheduler.updateSchedule(b -> b.groupName(group).name(name).scheduleExpression(expression)
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE).target(target)
                    .description("campaign " + detail.campaignId()));
        }
    }

    /** Deletes the campaign's schedule; one that fired already (and deleted itself) is fine. */
    public void disarm(String campaignId) {
        try {
            scheduler.deleteSchedule(b -> b.groupName(group).name(scheduleName(campaignId)));
        } catch (ResourceNotFoundException alreadyGone) {
            // It fired, or was never created: nothing is left to fire.
        }
    }

    /** The schedule group. */
    public String group() {
        return group;
    }

    /**
     * The campaign's schedule name: the campaign id when Scheduler allows it as a name (the usual case: an operator
     * reads it in the console), else {@code campaign-} and 40 hex digits of its SHA-256 (ids with {@code : @} or
     * longer than 64 characters).
     */
    public static String scheduleName(String campaignId) {
        if (NAME.matcher(campaignId).matches()) {
            return campaignId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(campaignId.getBytes(StandardCharsets.UTF_8));
            return "campaign-" + HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
