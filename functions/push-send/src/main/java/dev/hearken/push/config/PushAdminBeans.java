package dev.hearken.push.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.config.TableNames;
import dev.hearken.push.admin.CampaignAdmin;
import dev.hearken.push.admin.CampaignSchema;
import dev.hearken.push.admin.CatalogueLookups;
import dev.hearken.push.admin.PushAdmin;
import dev.hearken.push.admin.PushTemplateSchema;
import dev.hearken.push.admin.SegmentAdmin;
import dev.hearken.push.aws.CampaignSchedules;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * Wires push-admin: the audit trail, the three collections over their tables, and the campaign schedules.
 * Nothing here calls AWS until a request does.
 */
@ApplicationScoped
public class PushAdminBeans {

    @Produces
    @Singleton
    PushAdmin pushAdmin(DynamoDbClient dynamo, TableNames tables, ObjectMapper json, @PushTime Clock clock,
            PushSettings push, PushAdminSettings settings, SchedulerClient scheduler) {
        AuditTrail audit = new AuditTrail(dynamo, tables.audit(), json, clock);
        PushTemplateSchema templateSchema = new PushTemplateSchema();
        AdminCollection templates = new AdminCollection(
                new VersionedItems(dynamo, tables.pushTemplates(), templateSchema.kind(), audit), templateSchema, audit);
        CampaignSchema campaignSchema = new CampaignSchema(
                new CatalogueLookups(dynamo, tables.pushTemplates(), tables.pushSegments()));
        AdminCollection campaigns = new AdminCollection(
                new VersionedItems(dynamo, tables.pushCampaigns(), campaignSchema.kind(), audit), campaignSchema, audit);
        DynamoDbCampaignStore runs = new DynamoDbCampaignStore(dynamo, tables.pushCampaigns(), tables.pushSegments(),
                tables.pushSends(), push.ledgerRetention(), clock);
        CampaignSchedules schedules = new CampaignSchedules(scheduler, json, settings.campaignScheduleGroup(),
                settings.campaignSchedulerRoleArn().orElse(null), settings.campaignEventBusArn().orElse(null));
        SegmentAdmin segments = new SegmentAdmin(
                new VersionedItems(dynamo, tables.pushSegments(), "segment", audit),
                new VersionedItems(dynamo, tables.pushSegments(), "segment-member", audit), audit);
        return new PushAdmin(templates, new CampaignAdmin(campaigns, campaignSchema, runs, schedules, clock), segments);
    }
}
