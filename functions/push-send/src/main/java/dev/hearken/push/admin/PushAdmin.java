package dev.hearken.push.admin;

import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AdminRequests;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.HttpEndpoint.Request;

/**
 * push-send's operator API (the {@code push-admin} Lambda): {@code /admin/push-templates} (an
 * {@link AdminCollection} with {@link PushTemplateSchema}), {@code /admin/campaigns} ({@link CampaignAdmin}) and
 * {@code /admin/segments} ({@link SegmentAdmin}), chosen by the route API Gateway matched.
 *
 * <p>Edits reach the functions within their caches: push-send keeps a template for
 * {@code hearken.push.template-cache-ttl} (60 s) per warm instance, so an edited copy is sent within a minute;
 * push-campaign reads a campaign and its status at every page, so a pause stops a fan-out within a page.
 */
public final class PushAdmin {

    private final AdminCollection templates;
    private final CampaignAdmin campaigns;
    private final SegmentAdmin segments;

    public PushAdmin(AdminCollection templates, CampaignAdmin campaigns, SegmentAdmin segments) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.segments = segments;
    }

    /** Serves one operator request; reads too need the IAM caller (the routes are IAM-only: a request without one is not). */
    public Reply serve(Request request) {
        AdminRequests.author(request);
        String route = request.routeKey();
        String path = route.substring(route.indexOf(' ') + 1);
        if (path.startsWith("/admin/push-templates")) {
            return templates.serve(request);
        }
        if (path.startsWith("/admin/campaigns")) {
            return campaigns.serve(request);
        }
        if (path.startsWith("/admin/segments/")) {
            return segments.serve(request);
        }
        return Reply.error(404, "not_found", "no operator route " + path + " in push-admin", null);
    }
}
