package dev.hearken.experiment.assign.conversion;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome events Hearken attributes to experiments and programs. Each type is one metric.
 * A conversion metric counts users who had the event at least once (a proportion); a value metric
 * sums the event values per user (a sample mean). Inverse metrics are better when lower.
 */
public enum OutcomeType {
    PUSH_OPENED("push_opened", Kind.CONVERSION, false),
    PUSH_CLICKED("push_clicked", Kind.CONVERSION, false),
    EMAIL_CLICKED("email_clicked", Kind.CONVERSION, false),
    APP_ACTION("app_action", Kind.CONVERSION, false),
    CSAT_GOOD("csat_good", Kind.CONVERSION, false),
    CSAT_BAD("csat_bad", Kind.CONVERSION, true),
    TICKET_REOPENED("ticket_reopened", Kind.CONVERSION, true),
    /** A purchase; {@code value} is its amount. */
    REVENUE("revenue", Kind.VALUE, false);

    /** How a metric is summarised per user. */
    public enum Kind {
        /** Converted or not: a proportion of exposed users. */
        CONVERSION,
        /** Sum of values per user: a sample mean over exposed users. */
        VALUE
    }

    private final String wireName;
    private final Kind kind;
    private final boolean inverse;

    OutcomeType(String wireName, Kind kind, boolean inverse) {
        this.wireName = wireName;
        this.kind = kind;
        this.inverse = inverse;
    }

    /** The name in events and APIs, e.g. {@code push_opened}. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether lower is better (bad CSAT, reopened tickets). */
    public boolean inverse() {
        return inverse;
    }

    /** The type with this wire name. */
    public static Optional<OutcomeType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
