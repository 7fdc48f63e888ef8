package dev.hearken.aws.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.ExperimentSettings;
import dev.hearken.aws.config.TableNames;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires experiment assignment to DynamoDB for every function that assigns (experiment-assign,
 * push-send, auto-reply). One instance per function instance, so the catalogue cache survives across
 * warm invocations. Results, conversions and rollouts are wired in experiment-assign, their only user.
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
    DynamoDbExposureCounter exposureCounter(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDbExposureCounter(dynamo, tables.experimentAggregates());
    }

    @Produces
    @Singleton
    AssignmentService assignmentService(CachingExperimentCatalog catalog, DynamoDbExposureLog exposures,
            DynamoDbExposureCounter counter) {
        return new AssignmentService(catalog, exposures, counter, CLOCK);
    }
}
