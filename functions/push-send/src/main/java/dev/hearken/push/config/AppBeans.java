package dev.hearken.push.config;

import dev.hearken.aws.config.TableNames;
import dev.hearken.push.aws.DynamoDbAppUsers;
import dev.hearken.push.aws.DynamoDbPersonalData;
import dev.hearken.push.service.AppUsersService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the app-backend API ({@code app-api}): the device and profile adapters, and the stores an erasure empties,
 * in {@link dev.hearken.push.domain.ErasurePlan}'s order (the service checks it).
 */
@ApplicationScoped
public class AppBeans {

    @Produces
    @Singleton
    AppUsersService appUsers(DynamoDbClient dynamo, TableNames tables, @PushTime Clock clock) {
        DynamoDbAppUsers users = new DynamoDbAppUsers(dynamo, tables.pushUsers(), tables.pushDevices());
        String byUser = DynamoDbPersonalData.BY_USER;
        return new AppUsersService(users, users, List.of(
                new DynamoDbPersonalData(dynamo, "push-devices", tables.pushDevices(), null, List.of("userId", "token")),
                DynamoDbPersonalData.item(dynamo, "push-users", tables.pushUsers()),
                new DynamoDbPersonalData(dynamo, "push-caps", tables.pushCaps(), null, List.of("userId", "window")),
                new DynamoDbPersonalData(dynamo, "push-deliveries", tables.pushDeliveries(), byUser, List.of("pk", "sk")),
                new DynamoDbPersonalData(dynamo, "push-segments", tables.pushSegments(), byUser,
                        List.of("segmentId", "userId")),
                DynamoDbPersonalData.userTotals(dynamo, "experiment-aggregates", tables.experimentAggregates(),
                        tables.exposures()),
                new DynamoDbPersonalData(dynamo, "conversions", tables.conversions(), byUser, List.of("eventId")),
                new DynamoDbPersonalData(dynamo, "exposures", tables.exposures(), byUser,
                        List.of("experimentKey", "userId"))),
                clock);
    }
}
