package dev.hearken.push.function;

import dev.hearken.push.service.CampaignService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * push-send's campaign fan-out (the {@code push-campaign} Lambda, same artifact, export
 * {@code campaign}): an EventBridge "Campaign Scheduled" or "Campaign Continued" event → {@link CampaignService#run}.
 */
public class CampaignFunction {

    private static final Logger LOG = Logger.getLogger(CampaignFunction.class);

    private final CampaignService campaigns;

    @Inject
    CampaignFunction(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Funq("campaign")
    public CampaignService.RunResult campaign(CampaignEvent event) {
        if (event == null || event.detail() == null || event.detail().campaignId() == null) {
            LOG.warn("campaign event without detail.campaignId ignored");
            throw new IllegalArgumentException("detail.campaignId is required");
        }
        CampaignService.RunResult result = campaigns.run(event.detail().campaignId(), event.runId(), event.hop());
        LOG.infof("campaign %s run %s hop %d: %d enqueued%s", result.campaignId(), result.runId(), event.hop(),
                result.enqueued(), result.alreadyDone() ? " (run already finished)"
                        : result.continued() ? " (continues in the next hop)"
                        : result.superseded() ? " (hop already handed over: nothing done)" : "");
        return result;
    }
}
