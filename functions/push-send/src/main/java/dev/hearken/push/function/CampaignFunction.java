package dev.hearken.push.function;

import dev.hearken.push.service.CampaignService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * push-send's campaign fan-out (the {@code push-campaign} Lambda, same artifact, export
 * {@code campaign}): an EventBridge "Campaign Scheduled" or "Campaign Continued" event → {@link CampaignService#run}.
 */
public class CampaignFunction {

    private final CampaignService campaigns;

    @Inject
    CampaignFunction(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Funq("campaign")
    public CampaignService.RunResult campaign(CampaignEvent event) {
        if (event == null) {
            // An empty EventBridge detail: the same clear rejection as a missing campaign id.
            return campaigns.run(null, null, 0);
        }
        return campaigns.run(event.campaignId(), event.runId(), event.hop());
    }
}
