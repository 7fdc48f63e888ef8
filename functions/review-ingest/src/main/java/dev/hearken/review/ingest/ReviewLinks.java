package dev.hearken.review.ingest;

import dev.hearken.review.model.Review;
import dev.hearken.review.parse.AppFollowPayload;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a person opens a review, for the escalation ticket.
 *
 * <ul>
 *   <li>AppFollow text messages: the {@code [Permalink](…)} link of the message (appfollow.md §1a, the only link
 *       any of our payloads carries). The structured AppFollow form documents no link (§1b, unverified).</li>
 *   <li>App Store Connect and Google Play: neither API returns a link a person can open (App Store Connect's
 *       {@code links.self} is an API URL), so the link is built from a configured template with {@code {appId}}
 *       and {@code {reviewId}}. The templates are ours, not the contracts' (see {@code ReviewSettings.Escalation}).</li>
 *   <li>An AppFollow review without a permalink gets the store template only if it does not need the review id
 *       (AppFollow's ids are not the store's); otherwise no link — the ticket still names store, app and review.</li>
 * </ul>
 *
 * @param appStore   template for App Store reviews; {@code null}, blank or {@code none} for no link
 * @param googlePlay template for Google Play reviews; {@code null}, blank or {@code none} for no link
 */
public record ReviewLinks(String appStore, String googlePlay) {

    private static final Pattern PERMALINK = Pattern.compile("\\[Permalink]\\((https?://[^)\\s]+)\\)");

    /** No links at all. */
    public static ReviewLinks none() {
        return new ReviewLinks(null, null);
    }

    /**
     * @param review the normalised review
     * @param provider the provider's review object it was normalised from
     * @return the link, or {@code null}
     */
    public String of(Review review, ProviderReview provider) {
        String template = blankToNull(review.store() == Store.APP_STORE ? appStore : googlePlay);
        if (review.source() == ReviewSource.APPFOLLOW) {
            if (provider instanceof ProviderReview.AppFollow(AppFollowPayload payload) && payload != null
                    && payload.text() != null) {
                Matcher m = PERMALINK.matcher(payload.text());
                if (m.find()) {
                    return m.group(1);
                }
            }
            return template == null || template.contains("{reviewId}") ? null : fill(template, review);
        }
        return template == null ? null : fill(template, review);
    }

    private static String fill(String template, Review review) {
        return template.replace("{appId}", encode(review.appId())).replace("{reviewId}", encode(review.reviewId()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.strip().equals("none") ? null : s;
    }
}
