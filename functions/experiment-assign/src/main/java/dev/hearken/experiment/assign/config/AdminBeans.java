package dev.hearken.experiment.assign.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.config.TableNames;
import dev.hearken.experiment.assign.aws.ExperimentAdmin;
import dev.hearken.experiment.assign.aws.ExperimentSchema;
import dev.hearken.experiment.assign.aws.VersionedExperiments;
import dev.hearken.experiment.assign.results.RolloutService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the versioned, audited writes of the {@code experiments} table: the operator API (experiments-admin) and the
 * one rollout path, which the results API's {@code POST /experiments/{key}/rollout} shares.
 */
@ApplicationScoped
public class AdminBeans {

    @Produces
    @Singleton
    AuditTrail auditTrail(DynamoDbClient dynamo, TableNames tables, ObjectMapper json, Clock clock) {
        return new AuditTrail(dynamo, tables.audit(), json, clock);
    }

    @Produces
    @Singleton
    ExperimentSchema experimentSchema(ObjectMapper json) {
        return new ExperimentSchema(json);
    }

    @Produces
    @Singleton
    AdminCollection experimentCollection(DynamoDbClient dynamo, TableNames tables, ExperimentSchema schema,
            AuditTrail audit) {
        return new AdminCollection(new VersionedItems(dynamo, tables.experiments(), schema.kind(), audit), schema,
                audit);
    }

    @Produces
    @Singleton
    VersionedExperiments versionedExperiments(AdminCollection experiments, ExperimentSchema schema) {
        return new VersionedExperiments(experiments.items(), schema);
    }

    @Produces
    @Singleton
    RolloutService rolloutService(VersionedExperiments experiments, Clock clock) {
        return new RolloutService(experiments, clock);
    }

    @Produces
    @Singleton
    ExperimentAdmin experimentAdmin(AdminCollection experiments, ExperimentSchema schema,
            VersionedExperiments versioned, RolloutService rollouts) {
        return new ExperimentAdmin(experiments, schema, versioned, rollouts);
    }
}
