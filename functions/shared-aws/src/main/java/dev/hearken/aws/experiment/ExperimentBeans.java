package dev.hearken.aws.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.ExperimentSettings;
import dev.hearken.aws.config.ResultsSettings;
import dev.hearken.aws.config.TableNames;
import dev.hearken.experiment.conversion.ConversionService;
import dev.hearken.experiment.results.ProgramOverviewService;
import dev.hearken.experiment.results.ResultsOptions;
import dev.hearken.experiment.results.ResultsService;
import dev.hearken.experiment.results.RolloutService;
import dev.hearken.experiment.results.WinnerRule;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import dev.hearken.experiment.stats.BayesianTest;
import dev.hearken.experiment.stats.DifferenceType;
import dev.hearken.experiment.stats.FrequentistTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the experiment domain to DynamoDB. One instance of each service per function instance, so
 * the catalogue cache survives across warm invocations; beans are created on first use, so a
 * function only builds what its {@code @Funq} method needs.
 */
@ApplicationScoped
public class ExperimentBeans {

    private static final Clock CLOCK = Clock.systemUTC();

    @Produces
    @Singleton
    CachingExperimentCatalog experimentCatalog(
            DynamoDbClient dynamo, ObjectMapper json, TableNames tables, ExperimentSettings settings) {
        return new CachingExperimentCatalog(
                new DynamoDbExperimentCatalog(dynamo, json, tables.experiments()),
                CLOCK,
                settings.cacheTtl(),
                settings.missRefreshInterval());
    }

    @Produces
    @Singleton
    DynamoDbExposureLog exposureLog(DynamoDbClient dynamo, TableNames tables, ExperimentSettings settings) {
        return new DynamoDbExposureLog(dynamo, tables.exposures(), settings.exposureRetention());
    }

    @Produces
    @Singleton
    DynamoDbExperimentAggregates experimentAggregates(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbExperimentAggregates(dynamo, tables.experimentAggregates());
    }

    @Produces
    @Singleton
    AssignmentService assignmentService(CachingExperimentCatalog catalog, DynamoDbExposureLog exposures,
            DynamoDbExperimentAggregates aggregates) {
        return new AssignmentService(catalog, exposures, aggregates, CLOCK);
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
    RolloutService rolloutService(DynamoDbClient dynamo, ObjectMapper json, TableNames tables) {
        return new RolloutService(new DynamoDbExperimentCatalog(dynamo, json, tables.experiments()),
                new DynamoDbExperimentRollouts(dynamo, json, tables.experiments()), CLOCK);
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
