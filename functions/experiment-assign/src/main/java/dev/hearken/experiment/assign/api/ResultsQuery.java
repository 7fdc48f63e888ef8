package dev.hearken.experiment.assign.api;

import dev.hearken.aws.http.BadRequestException;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.results.ResultsOptions;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Query parameters of the results API, each checked with a 400 naming it. */
public final class ResultsQuery {

    private ResultsQuery() {}

    /**
     * {@code defaults} with what {@code ?test=&difference=&alpha=&goal=} overrides; {@code query} gives a
     * parameter's value, or {@code null} when it is absent.
     */
    public static ResultsOptions options(ResultsOptions defaults, UnaryOperator<String> query) {
        ResultsOptions o = defaults;
        if (query.apply("test") != null) {
            o = o.withTest(FrequentistTest.of(query.apply("test")).orElseThrow(() -> new BadRequestException("test",
                    "test must be two-sided, one-sided-greater, one-sided-lesser or sequential")));
        }
        if (query.apply("difference") != null) {
            try {
                o = o.withDifferenceType(DifferenceType.of(query.apply("difference")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("difference", "difference must be relative or absolute");
            }
        }
        if (query.apply("alpha") != null) {
            try {
                o = o.withAlpha(Double.parseDouble(query.apply("alpha")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("alpha", "alpha must be a number between 0 and 1");
            }
        }
        if (query.apply("goal") != null) {
            o = o.withGoal(OutcomeType.of(query.apply("goal")).orElseThrow(() -> new BadRequestException("goal",
                    "goal must be a metric: " + Arrays.stream(OutcomeType.values()).map(OutcomeType::wireName).toList())));
        }
        return o;
    }

    /** The date {@code ?<field>=2026-03-02}, or {@code null} when absent. */
    public static LocalDate date(UnaryOperator<String> query, String field) {
        String value = query.apply(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be a date, e.g. 2026-03-02");
        }
    }
}
