package dev.hearken.autoreply.domain;

/**
 * What auto-reply needs from a store review, read fresh before replying.
 *
 * @param app       the app's store id (App Store Apple id or Play package name)
 * @param rating    stars, 1–5
 * @param answered  a developer response already exists (a person answered, or our own earlier reply)
 */
public record ReviewView(String app, String reviewId, int rating, String reviewerName, boolean answered) {

    /** {@code low} (1–2 stars), {@code mid} (3) or {@code high} (4–5): the template band. */
    public String band() {
        return rating <= 2 ? "low" : rating == 3 ? "mid" : "high";
    }

    @Override
    public String toString() {
        return "ReviewView[app=" + app + ", review=" + reviewId + ", rating=" + rating + ", answered=" + answered + "]";
    }
}
