package dev.hearken.review.parse;

/** The checks every provider's review needs, with the reason a review is rejected. */
final class Fields {

    private Fields() {}

    static String required(String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidReviewException(what + " has no " + key);
        }
        return value;
    }

    static int rating(Integer rating, String what) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidReviewException(what + " has no rating between 1 and 5");
        }
        return rating;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
