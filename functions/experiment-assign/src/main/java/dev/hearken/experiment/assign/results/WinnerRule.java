package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import java.util.List;
import java.util.Objects;

/**
 * When a result is strong enough to <em>propose</em> a winner (rolling it out stays an explicit
 * action). Two modes, as GrowthBook offers:
 * <ul>
 *   <li>{@link Mode#BAYESIAN}: a treatment's chance to win ≥ {@code chanceToWin} (95 %, GrowthBook's
 *       {@code DEFAULT_CONFIDENCE_LEVEL}); the control wins when every treatment's chance is ≤ 1 − that;</li>
 *   <li>{@link Mode#FREQUENTIST}: p < {@code alpha} in the metric's better direction; the control wins
 *       when every treatment is significantly worse.</li>
 * </ul>
 * Both need at least {@code minUsersPerVariation} users in every variation and, with
 * {@code blockOnSrm}, no sample-ratio mismatch: a result with SRM is untrustworthy.
 */
public record WinnerRule(Mode mode, double chanceToWin, double alpha, long minUsersPerVariation, boolean blockOnSrm) {

    /** Which statistic decides. */
    public enum Mode { BAYESIAN, FREQUENTIST }

    /** Bayesian, 95 %, α 0.05, 100 users per variation, SRM blocks. */
    public static final WinnerRule DEFAULTS = new WinnerRule(Mode.BAYESIAN, 0.95, 0.05, 100, true);

    public WinnerRule {
        Objects.requireNonNull(mode, "mode");
        if (!(chanceToWin > 0.5 && chanceToWin < 1)) {
            throw new IllegalArgumentException("chanceToWin must be within (0.5, 1): " + chanceToWin);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
        }
        if (minUsersPerVariation < 0) {
            throw new IllegalArgumentException("minUsersPerVariation must be >= 0");
        }
    }

    /**
     * The rule's verdict.
     *
     * @param variationId the proposed winner, or {@code null} when none can be proposed yet
     * @param reason      why, in words
     */
    public record Decision(Integer variationId, String reason) {

        public boolean proposed() {
            return variationId != null;
        }
    }

    /** Decides on one metric's arms (index 0 is the control). */
    public Decision decide(List<ExperimentResults.Arm> arms, boolean inverse, SampleRatioMismatch.Check srm) {
        if (arms.size() < 2) {
            return new Decision(null, "fewer than two variations");
        }
        if (blockOnSrm && srm.mismatch()) {
            return new Decision(null, "sample ratio mismatch (p = " + srm.pValue() + "): results are untrustworthy");
        }
        for (ExperimentResults.Arm arm : arms) {
            if (arm.users() < minUsersPerVariation) {
                return new Decision(null, "not enough users: every variation needs at least " + minUsersPerVariation);
            }
        }
        List<ExperimentResults.Arm> treatments = arms.subList(1, arms.size());
        return mode == Mode.BAYESIAN ? bayesian(treatments) : frequentist(treatments, inverse);
    }

    private Decision bayesian(List<ExperimentResults.Arm> treatments) {
        ExperimentResults.Arm best = null;
        boolean controlBeatsAll = true;
        for (ExperimentResults.Arm arm : treatments) {
            if (arm.bayesian() == null || arm.bayesian().errorMessage() != null) {
                return new Decision(null, "variation " + arm.variationKey() + " cannot be tested yet ("
                        + (arm.bayesian() == null ? "no data" : arm.bayesian().errorMessage()) + ")");
            }
            double ctw = arm.bayesian().chanceToWin(); // already oriented for inverse metrics
            if (ctw >= chanceToWin && (best == null || ctw > best.bayesian().chanceToWin())) {
                best = arm;
            }
            controlBeatsAll &= ctw <= 1 - chanceToWin;
        }
        if (best != null) {
            return new Decision(best.variationId(), "chance to win " + round(best.bayesian().chanceToWin())
                    + " ≥ " + chanceToWin);
        }
        if (controlBeatsAll) {
            return new Decision(0, "every variation's chance to win ≤ " + round(1 - chanceToWin) + ": keep the control");
        }
        return new Decision(null, "no variation reaches a chance to win of " + chanceToWin);
    }

    private Decision frequentist(List<ExperimentResults.Arm> treatments, boolean inverse) {
        ExperimentResults.Arm best = null;
        boolean allWorse = true;
        for (ExperimentResults.Arm arm : treatments) {
            if (arm.frequentist() == null || arm.frequentist().errorMessage() != null) {
                return new Decision(null, "variation " + arm.variationKey() + " cannot be tested yet ("
                        + (arm.frequentist() == null ? "no data" : arm.frequentist().errorMessage()) + ")");
            }
            double better = inverse ? -arm.frequentist().expected() : arm.frequentist().expected();
            boolean significant = arm.frequentist().pValue() < alpha;
            if (significant && better > 0
                    && (best == null || better > (inverse ? -best.frequentist().expected() : best.frequentist().expected()))) {
                best = arm;
            }
            allWorse &= significant && better < 0;
        }
        if (best != null) {
            return new Decision(best.variationId(), "p = " + round(best.frequentist().pValue()) + " < " + alpha);
        }
        if (allWorse) {
            return new Decision(0, "every variation is significantly worse (p < " + alpha + "): keep the control");
        }
        return new Decision(null, "no variation is significantly better (p < " + alpha + ")");
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
