package dev.hearken.review.parse;

/**
 * An AppFollow webhook delivery (appfollow.md §1): the verified "WebHook URL" text message ({@code text}) or the
 * unverified structured form ({@code review}). Only the fields the parser reads are declared; AppFollow's names are
 * snake_case on the wire ({@code review_id}, {@code ext_id}, …), which the queue adapter maps.
 *
 * @param text   the Slack-style message of §1a, else {@code null}
 * @param review the review object of §1b, else {@code null}
 */
public record AppFollowPayload(String text, Review review) {

    /**
     * The structured review (§2's field table). Ids arrive as integers (strings for Google Play) and are kept as
     * text; the 0/1 flags and the rating as integers.
     */
    public record Review(String reviewId, String extId, String store, String date, String time, String updated,
            Integer wasChanged, String userId, String author, Integer hasAnswer, Integer rating, String title,
            String content, String locale, String country, String version) {
    }
}
