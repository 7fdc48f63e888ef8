package dev.hearken.review.parse;

import java.util.List;
import java.util.Map;

/** Typed reads from a JSON document already parsed into maps, lists and scalars. */
final class JsonTree {

    private JsonTree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A string, or a number/boolean as its text; {@code null} when absent or null. */
    static String text(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null || v instanceof Map || v instanceof List) {
            return null;
        }
        return v.toString();
    }

    /** An integer given as a JSON number or a numeric string; {@code null} when absent. */
    static Integer integer(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidReviewException(key + " is not an integer");
            }
        }
        return null;
    }

    static String required(Map<String, Object> parent, String key, String what) {
        String v = text(parent, key);
        if (v == null || v.isBlank()) {
            throw new InvalidReviewException(what + " has no " + key);
        }
        return v;
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
