package dev.hearken.integrations.appstore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The App Store Connect documents Hearken reads and writes (appstoreconnect.md §3–5), as JSON:API records. Only
 * the fields used are declared; the rest is ignored.
 */
public final class AppStoreResources {

    private AppStoreResources() {
    }

    /** What the team key secret holds (appstoreconnect.md §1). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppStoreKey(String issuerId, String keyId, String privateKey) {
    }

    /** {@code {type, id}} of a related resource. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceId(String type, String id) {
    }

    /** A to-one relationship; {@code data} is absent when nothing is related (or it was not asked for). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Relationship(ResourceId data) {
    }

    /** {@code CustomerReview} (§4). {@code createdDate} stays text: ISO-8601 with an offset. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerReview(String type, String id, ReviewAttributes attributes, ReviewRelationships relationships) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewAttributes(Integer rating, String title, String body, String reviewerNickname,
            String createdDate, String territory) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewRelationships(Relationship response) {
    }

    /** {@code GET /v1/customerReviews/{id}?include=response}: the review and, in {@code included}, its response. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerReviewDocument(CustomerReview data, List<ResourceId> included) {
    }

    /** {@code GET /v1/apps/{id}/customerReviews} as sent (§4): the reviews and the paging links. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerReviewsDocument(List<CustomerReview> data, DocumentLinks links) {
    }

    /** {@code PagedDocumentLinks}: {@code next} is absent on the last page. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentLinks(String next) {
    }

    /**
     * A listing page (§4).
     *
     * @param next      {@code links.next} (absent on the last page)
     * @param remaining {@code user-hour-rem} of the {@code X-Rate-Limit} header (§2), or {@code null}
     */
    public record CustomerReviewsPage(List<CustomerReview> reviews, String next, Integer remaining) {
    }

    /** {@code CustomerReviewResponseV1CreateRequest} and the 201 document (§5). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseDocument(ResponseResource data) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseResource(String type, String id, ResponseAttributes attributes,
            ResponseRelationships relationships) {
    }

    /** {@code state}: {@code PENDING_PUBLISH} → {@code PUBLISHED}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseAttributes(String responseBody, String lastModifiedDate, String state) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseRelationships(Relationship review) {
    }

    /** The create request: type, response body and the review relationship, all required. */
    static ResponseDocument createResponse(String reviewId, String text) {
        return new ResponseDocument(new ResponseResource("customerReviewResponses", null,
                new ResponseAttributes(text, null, null),
                new ResponseRelationships(new Relationship(new ResourceId("customerReviews", reviewId)))));
    }

    /** {@code ErrorResponse}: the first error's {@code code} is what callers branch on. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorDocument(List<Error> errors) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String status, String code, String title) {
    }
}
