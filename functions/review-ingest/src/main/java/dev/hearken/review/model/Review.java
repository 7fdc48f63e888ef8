package dev.hearken.review.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One app-store review in the shape every Hearken function uses, whatever its source.
 *
 * @param store             the store it was written in
 * @param appId             the store's app id: Apple ID ({@code 1234567890}) or Play package ({@code com.example.lumen})
 * @param reviewId          the store's review id (for AppFollow's text format, a stable id derived from the message)
 * @param source            how it reached us
 * @param rating            stars, 1–5
 * @param title             the title, or {@code null} (Play reviews often have none)
 * @param body              the text, or {@code null}/empty for a rating-only review
 * @param language          the reviewer's language as the source states it (Play {@code reviewerLanguage},
 *                          AppFollow {@code locale}), BCP-47-ish ({@code pt-BR}), or {@code null}
 * @param territory         ISO 3166 territory as the source gives it ({@code USA}, {@code US}), or {@code null}
 * @param appVersion        the app version the review was written for ({@code 5.2.0}), or {@code null}
 * @param device            the device (Play codename and product name), or {@code null}
 * @param author            the reviewer, pseudonymised ({@link AuthorPseudonymizer}); never the name itself
 * @param createdAt         when the review was written (for Play, when its text was last modified)
 * @param editedAt          when the review was edited, when the source tells or implies it, else {@code null}
 * @param developerReplied  whether the developer (a human, or an earlier automatic answer) already replied
 */
public record Review(
        Store store,
        String appId,
        String reviewId,
        ReviewSource source,
        int rating,
        String title,
        String body,
        String language,
        String territory,
        String appVersion,
        String device,
        String author,
        Instant createdAt,
        Instant editedAt,
        boolean developerReplied) {

    public Review {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        if (appId.isBlank() || reviewId.isBlank()) {
            throw new IllegalArgumentException("appId and reviewId must not be blank");
        }
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5: " + rating);
        }
    }

    /** {@code <store>#<appId>#<reviewId>}: the identity of a review across its versions. */
    public String key() {
        return store.code() + "#" + appId + "#" + reviewId;
    }

    /** When this version's content was written: the edit time if any, else the creation time. */
    public Instant contentTime() {
        return editedAt != null ? editedAt : createdAt;
    }

    /** The UTC day of {@link #contentTime()}, the day bug-impact counts attribute this version to. */
    public LocalDate day() {
        return contentTime().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Identity of what the user wrote — rating, title and body, nothing else. Two deliveries with the same
     * hash are the same version (a re-delivery, or the same review seen through another source); a
     * different hash is an edit. Timestamps are left out on purpose: sources disagree on them.
     */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Integer.toString(rating).getBytes(StandardCharsets.UTF_8));
            for (String part : new String[] {title, body}) {
                sha.update((byte) 0);
                sha.update((part == null ? "" : part.strip()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** Whether the review has any words (rating-only reviews have none). */
    public boolean hasText() {
        return (title != null && !title.isBlank()) || (body != null && !body.isBlank());
    }

    @Override
    public String toString() {
        // Never print what the user wrote: logs must not carry personal data.
        return "Review[" + key() + ", source=" + source.code() + ", rating=" + rating + ", version=" + appVersion
                + ", territory=" + territory + ", contentTime=" + contentTime() + "]";
    }
}
