package dev.hearken.integrations.googleplay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The androidpublisher v3 review documents Hearken reads and writes (googleplay.md §2–3). Only the fields used are
 * declared; the rest is ignored.
 */
public final class GooglePlayResources {

    private GooglePlayResources() {
    }

    /** {@code Review}: the user's comment and, once answered, the developer's. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String reviewId, String authorName, List<Comment> comments) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(UserComment userComment, DeveloperComment developerComment) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserComment(String text, Timestamp lastModified, Integer starRating, String reviewerLanguage,
            String device, String appVersionName, DeviceMetadata deviceMetadata) {
    }

    /** {@code DeviceMetadata}: the marketing name of the device ({@code productName}) is the one field read. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeviceMetadata(String productName) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeveloperComment(String text, Timestamp lastModified) {
    }

    /** A protobuf {@code Timestamp}: {@code seconds} arrives as a string (int64), which Jackson reads as a number. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timestamp(Long seconds, Integer nanos) {

        public Instant instant() {
            return Instant.ofEpochSecond(seconds, nanos == null ? 0 : nanos);
        }
    }

    /** {@code TokenPagination} of {@code reviews.list}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenPagination(String nextPageToken) {
    }

    /** {@code ReviewsListResponse} as sent. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewsListResponse(List<Review> reviews, TokenPagination tokenPagination) {
    }

    /** A {@code reviews.list} page; {@code nextPageToken} is {@code null} on the last. */
    public record ReviewsPage(List<Review> reviews, String nextPageToken) {
    }

    /** {@code ReviewsReplyRequest}. */
    @RegisterForReflection
    public record ReplyRequest(String replyText) {
    }

    /** {@code ReviewsReplyResponse}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplyResponse(ReplyResult result) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplyResult(String replyText, Timestamp lastEdited) {
    }

    /** Google's error envelope (googleplay.md §5): {@code error.status} is what callers branch on. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorResponse(RpcStatus error) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RpcStatus(Integer code, String status, String message) {
    }
}
