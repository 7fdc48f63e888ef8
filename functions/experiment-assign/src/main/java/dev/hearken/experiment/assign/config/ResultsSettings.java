package dev.hearken.experiment.assign.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Conversions and results: attribution, retention, the statistics' defaults and the winner rule. */
@ConfigMapping(prefix = "hearken.results")
public interface ResultsSettings {

    /** How long after a user's first exposure their outcome events count (GrowthBook's default conversion window: 72 h). */
    @WithDefault("72h")
    Duration attributionWindow();

    /** How long an event id is remembered to drop duplicates; longer than SQS retention plus a DLQ redrive. */
    @WithDefault("35d")
    Duration conversionRetention();

    /** Default frequentist test: {@code two-sided}, {@code one-sided-greater}, {@code one-sided-lesser} or {@code sequential}. */
    @WithDefault("two-sided")
    String test();

    /** Default effect scale: {@code relative} or {@code absolute}. */
    @WithDefault("relative")
    String differenceType();

    /** Significance level (and 1 − credibility of Bayesian intervals). */
    @WithDefault("0.05")
    double alpha();

    /** N*, the sample size the sequential test is tuned for (gbstats' default 5000). */
    @WithDefault("5000")
    double sequentialTuning();

    /** The Bayesian prior on the relative effect. */
    Prior prior();

    /** p-value below which a sample-ratio mismatch is flagged (GrowthBook: 0.001). */
    @WithDefault("0.001")
    double srmThreshold();

    /** When a winner is proposed. */
    Winner winner();

    /** A normal prior N(mean, variance) on the relative effect. */
    interface Prior {
        /** {@code false}: flat prior (gbstats' default); {@code true}: use mean and variance. */
        @WithDefault("false")
        boolean proper();

        @WithDefault("0")
        double mean();

        /** GrowthBook's default proper prior is N(0, 0.3²). */
        @WithDefault("0.09")
        double variance();
    }

    /** The winner rule. */
    interface Winner {
        /** {@code bayesian} (chance to win) or {@code frequentist} (p-value). */
        @WithDefault("bayesian")
        String mode();

        /** Chance to win a treatment needs (GrowthBook's {@code DEFAULT_CONFIDENCE_LEVEL}). */
        @WithDefault("0.95")
        double chanceToWin();

        /** Users every variation needs before anything is proposed. */
        @WithDefault("100")
        long minUsersPerVariation();

        /** Whether a sample-ratio mismatch blocks any proposal. */
        @WithDefault("true")
        boolean blockOnSrm();
    }
}
