package dev.hearken.understanding;

/**
 * Why a decision was taken.
 *
 * @param kind   what produced it
 * @param code   a stable machine-readable code, e.g. {@code privacy.lexicon} or {@code spam.model}
 * @param detail human-readable detail: the matched term, a score, a model version
 */
public record Reason(Kind kind, String code, String detail) {

    /** What produced a reason. */
    public enum Kind { INPUT, RULE, MODEL }

    public static Reason input(String code, String detail) {
        return new Reason(Kind.INPUT, code, detail);
    }

    public static Reason rule(String code, String detail) {
        return new Reason(Kind.RULE, code, detail);
    }

    public static Reason model(String code, String detail) {
        return new Reason(Kind.MODEL, code, detail);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + code + "(" + detail + ")";
    }
}
