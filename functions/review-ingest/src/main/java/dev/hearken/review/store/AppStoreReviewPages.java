package dev.hearken.review.store;

import dev.hearken.integrations.appstore.AppStoreConnectClient;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewsPage;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReview;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.poll.Page;
import dev.hearken.review.poll.PageItem;
import dev.hearken.review.poll.StoreClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The poller's {@link StoreClient} over {@link AppStoreConnectClient}: pages newest first by {@code createdDate};
 * a position is a {@code links.next}. When the page's {@code X-Rate-Limit} says fewer than {@code minRemaining}
 * calls are left this hour, the poller is asked to pause {@code backoff} rather than run into 429s.
 */
public final class AppStoreReviewPages implements StoreClient {

    private final AppStoreConnectClient client;
    private final int pageSize;
    private final Duration backoff;
    private final int minRemaining;

    public AppStoreReviewPages(AppStoreConnectClient client, int pageSize, Duration backoff, int minRemaining) {
        this.client = client;
        this.pageSize = pageSize;
        this.backoff = backoff;
        this.minRemaining = minRemaining;
    }

    @Override
    public Page page(String appId, String position) {
        CustomerReviewsPage page = client.reviews(appId, pageSize, position);
        List<PageItem> items = page.reviews().stream().map(AppStoreReviewPages::item).toList();
        boolean nearlySpent = page.remaining() != null && page.remaining() < minRemaining;
        return new Page(items, page.next(), nearlySpent ? backoff : null);
    }

    private static PageItem item(CustomerReview review) {
        return new PageItem(OffsetDateTime.parse(review.attributes().createdDate()).toInstant(), review.id(),
                new ProviderReview.AppStore(review));
    }
}
