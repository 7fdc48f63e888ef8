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
 * Wires the experiment domain to DynamoDB. One {@link AssignmentService} per function instance, so
 * its catalogue cache survives across warm invocations.
 */
@ApplicationScoped
public class ExperimentBeans {

    @Produces
    @Singleton
    AssignmentService assignmentService(
            DynamoDbClient dynamo, ObjectMapper json, TableNames tables, ExperimentSettings settings) {
        Clock clock = Clock.systemUTC();
        CachingExperimentCatalog catalog = new CachingExperimentCatalog(
                new DynamoDbExperimentCatalog(dynamo, json, tables.experiments()),
                clock,
                settings.cacheTtl(),
                settings.missRefreshInterval());
        return new AssignmentService(
                catalog, new DynamoDbExposureLog(dynamo, tables.exposures(), settings.exposureRetention()), clock);
    }
}
