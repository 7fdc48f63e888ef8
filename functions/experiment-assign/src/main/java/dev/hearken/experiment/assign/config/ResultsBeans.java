package dev.hearken.experiment.assign.config;

import dev.hearken.aws.config.ExperimentSettings;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.experiment.DynamoDbExposureLog;
import dev.hearken.aws.experiment.DynamoDbProgramStats;
import dev.hearken.experiment.assign.aws.DynamoDbConversionLedger;
import dev.hearken.experiment.assign.aws.DynamoDbExperimentAggregates;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.results.ProgramOverviewService;
import dev.hearken.experiment.assign.results.ResultsOptions;
import dev.hearken.experiment.assign.results.ResultsService;
import dev.hearken.experiment.assign.results.WinnerRule;
import dev.hearken.experiment.assign.stats.BayesianTest;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires conversions, results and the program overview to DynamoDB (rollouts: {@link AdminBeans}). Assignment itself (the
 * catalogue cache, the exposure log) comes from shared-aws's {@code ExperimentBeans}, so conversions
 * attribute against the same catalogue the assignments used. Beans are created on first use, so each
 * of the three Lambda functions of this artifact only builds what its {@code @Funq} method needs.
 */
@ApplicationScoped
public class ResultsBeans {

    private static final Clock CLOCK = Clock.systemUTC();

    /** The one clock of the results functions (UTC): when a conversion arrived, today's overview, a rollout's time. */
    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    @Produces
    @Singleton
    DynamoDbExperimentAggregates experimentAggregates(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbExperimentAggregates(dynamo, tables.experimentAggregates());
    }

    @Produces
    @Singleton
    ConversionService conversionService(CachingExperimentCatalog catalog, DynamoDbExposureLog exposures,
            DynamoDbExperimentAggregates aggregates, DynamoDbClient dynamo, TableNames tables,
            ExperimentSettings experiments, ResultsSettings settings) {
        DynamoDbConversionLedger ledger = new DynamoDbConversionLedger(dynamo, tables.conversions(),
                tables.experimentAggregates(), tables.programStats(), settings.conversionRetention(),
                experiments.exposureRetention(), CLOCK);
        return new ConversionService(catalog, exposures, ledger, aggregates, settings.attributionWindow());
    }

    @Produces
    @Singleton
    ResultsService resultsService(CachingExperimentCatalog catalog, DynamoDbExperimentAggregates aggregates,
            ResultsSettings settings) {
        return new ResultsService(catalog, aggregates, options(settings));
    }

    @Produces
    @Singleton
    ProgramOverviewService programOverviewService(DynamoDbClient dynamo, TableNames tables) {
        return new ProgramOverviewService(new DynamoDbProgramStats(dynamo, tables.programStats()), CLOCK);
    }

    /** The configured defaults; an invalid value fails the first results request with its key in the message. */
    static ResultsOptions options(ResultsSettings s) {
        FrequentistTest test = FrequentistTest.of(s.test()).orElseThrow(() -> new IllegalArgumentException(
                "hearken.results.test must be two-sided, one-sided-greater, one-sided-lesser or sequential: " + s.test()));
        WinnerRule rule = new WinnerRule(
                WinnerRule.Mode.valueOf(s.winner().mode().toUpperCase(Locale.ROOT)),
                s.winner().chanceToWin(),
                s.alpha(),
                s.winner().minUsersPerVariation(),
                s.winner().blockOnSrm());
        return new ResultsOptions(test, DifferenceType.of(s.differenceType()), s.alpha(), s.sequentialTuning(),
                new BayesianTest.Prior(s.prior().mean(), s.prior().variance(), s.prior().proper()),
                s.srmThreshold(), rule, null);
    }
}
