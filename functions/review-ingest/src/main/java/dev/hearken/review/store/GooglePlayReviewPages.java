package dev.hearken.review.store;

import dev.hearken.integrations.googleplay.GooglePlayClient;
import dev.hearken.integrations.googleplay.GooglePlayResources.Comment;
import dev.hearken.integrations.googleplay.GooglePlayResources.Review;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReviewsPage;
import dev.hearken.integration.ServiceException;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.poll.Page;
import dev.hearken.review.poll.PageItem;
import dev.hearken.review.poll.StoreClient;
import java.time.Instant;
import java.util.List;

/**
 * The poller's {@link StoreClient} over {@link GooglePlayClient}: {@code reviews.list} pages, newest first by the
 * user comment's {@code lastModified}; a position is a {@code nextPageToken}.
 */
public final class GooglePlayReviewPages implements StoreClient {

    private final GooglePlayClient client;
    private final int pageSize;

    public GooglePlayReviewPages(GooglePlayClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    @Override
    public Page page(String packageName, String position) {
        ReviewsPage page = client.reviews(packageName, pageSize, position);
        List<PageItem> items = page.reviews().stream()
                .map(r -> new PageItem(lastModified(r), r.reviewId(), new ProviderReview.GooglePlay(r))).toList();
        return new Page(items, page.nextPageToken());
    }

    private static Instant lastModified(Review review) {
        if (review.comments() != null) {
            for (Comment comment : review.comments()) {
                if (comment.userComment() != null && comment.userComment().lastModified() != null
                        && comment.userComment().lastModified().seconds() != null) {
                    return comment.userComment().lastModified().instant();
                }
            }
        }
        throw new ServiceException(GooglePlayClient.SERVICE, 200,
                "review " + review.reviewId() + " without userComment.lastModified");
    }
}
