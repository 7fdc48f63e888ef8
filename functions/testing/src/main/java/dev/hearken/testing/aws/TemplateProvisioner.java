package dev.hearken.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the DynamoDB tables and SQS queues that the synthesised CDK template declares — the one
 * declaration of Hearken's resources — in an emulator (or any account the clients point at).
 *
 * <p>The template is the {@code infra/cdk} module's build output, on the classpath at
 * {@value #TEMPLATE_RESOURCE}. Only what matters to code running against the resources is applied:
 * keys, indexes, TTL, queue attributes and redrive. Creation is idempotent, so a shared emulator
 * can be provisioned by every test JVM.
 */
public final class TemplateProvisioner {

    /** Classpath location of the synthesised template. */
    public static final String TEMPLATE_RESOURCE = "/dev/hearken/infra/hearken.template.json";

    private static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable");
    private static final String QUEUE_TYPE = "AWS::SQS::Queue";
    private static final String MAIL_IDENTITY_TYPE = "AWS::SES::EmailIdentity";

    private final JsonNode resources;

    public TemplateProvisioner(JsonNode template) {
        this.resources = template.path("Resources");
    }

    /** Reads the synthesised template from the classpath. */
    public static TemplateProvisioner fromClasspath() {
        try (InputStream in = TemplateProvisioner.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the synthesised template " + TEMPLATE_RESOURCE
                        + " is not on the classpath: build infra/cdk first (./mvnw install -pl infra/cdk)");
            }
            return new TemplateProvisioner(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
        }
    }

    /** Physical names of every table the template declares. */
    public Set<String> tableNames() {
        Set<String> names = new TreeSet<>();
        forEach(TABLE_TYPES, (id, props) -> names.add(physicalName(id, props, "TableName")));
        return names;
    }

    /** Physical names of every queue the template declares. */
    public Set<String> queueNames() {
        Set<String> names = new TreeSet<>();
        forEach(Set.of(QUEUE_TYPE), (id, props) -> names.add(physicalName(id, props, "QueueName")));
        return names;
    }

    /** Creates every declared table and queue that does not exist yet; returns queue name → URL. */
    public Map<String, String> provision(DynamoDbClient dynamo, SqsClient sqs) {
        forEach(TABLE_TYPES, (id, props) -> createTable(dynamo, id, props));
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arnsByLogicalId = new LinkedHashMap<>();
        // Dead-letter queues first: a source queue's redrive policy needs its DLQ's ARN.
        List<Map.Entry<String, JsonNode>> queues = new ArrayList<>();
        forEach(Set.of(QUEUE_TYPE), (id, props) -> queues.add(Map.entry(id, props)));
        queues.sort((a, b) -> Boolean.compare(a.getValue().has("RedrivePolicy"), b.getValue().has("RedrivePolicy")));
        for (Map.Entry<String, JsonNode> q : queues) {
            String name = physicalName(q.getKey(), q.getValue(), "QueueName");
            String url = createQueue(sqs, name, q.getValue(), arnsByLogicalId);
            urls.put(name, url);
            arnsByLogicalId.put(q.getKey(), sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                    .queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN).build())
                    .attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        return urls;
    }

    /**
     * Names of the EventBridge Scheduler schedule groups the template declares. Not created by
     * {@link #provision}: this module has no Scheduler client, so a test that schedules creates them.
     */
    public Set<String> scheduleGroupNames() {
        Set<String> names = new TreeSet<>();
        forEach(Set.of("AWS::Scheduler::ScheduleGroup"), (id, props) -> names.add(physicalName(id, props, "Name")));
        return names;
    }

    /**
     * Creates every declared EventBridge Scheduler schedule group that does not exist yet. Only missing
     * ones: moto replaces an existing group on create, and with it the schedules it holds.
     */
    public void createScheduleGroups(SchedulerClient scheduler) {
        for (String group : scheduleGroupNames()) {
            try {
                scheduler.getScheduleGroup(b -> b.name(group));
            } catch (ResourceNotFoundException missing) {
                scheduler.createScheduleGroup(b -> b.name(group));
            }
        }
    }

    /** The e-mail identities (domains or addresses) the template declares. */
    public Set<String> mailIdentities() {
        Set<String> identities = new TreeSet<>();
        forEach(Set.of(MAIL_IDENTITY_TYPE), (id, props) -> identities.add(physicalName(id, props, "EmailIdentity")));
        return identities;
    }

    /**
     * Creates every table, queue, e-mail identity and schedule group the template declares (see {@link #provision(DynamoDbClient,
     * SqsClient)}); returns queue name → URL.
     */
    public Map<String, String> provision(Emulator emulator) {
        Map<String, String> urls = provision(emulator.dynamo(), emulator.sqs());
        verifyMailIdentities(emulator.ses());
        createScheduleGroups(emulator.scheduler());
        return urls;
    }

    /**
     * Registers every declared e-mail identity with SES. Emulators verify at once, so functions can
     * send from the identity; real SES verifies a domain once its DKIM records are published (that is
     * the deployment's job, not this method's). Idempotent.
     */
    public void verifyMailIdentities(SesClient ses) {
        for (String identity : mailIdentities()) {
            if (identity.contains("@")) {
                ses.verifyEmailIdentity(b -> b.emailAddress(identity));
            } else {
                ses.verifyDomainIdentity(b -> b.domain(identity));
            }
        }
    }

    private void createTable(DynamoDbClient dynamo, String logicalId, JsonNode props) {
        String name = physicalName(logicalId, props, "TableName");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(props.path("KeySchema")));
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode a : props.path("AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(a.path("AttributeName").asText())
                    .attributeType(a.path("AttributeType").asText()).build());
        }
        request.attributeDefinitions(attributes);
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (JsonNode index : props.path("GlobalSecondaryIndexes")) {
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.path("KeySchema")))
                    .projection(projection(index.path("Projection"))).build());
        }
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (JsonNode index : props.path("LocalSecondaryIndexes")) {
            lsis.add(LocalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.path("KeySchema")))
                    .projection(projection(index.path("Projection"))).build());
        }
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        try {
            dynamo.createTable(request.build());
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        } catch (ResourceInUseException exists) {
            return; // created by an earlier run or another test JVM
        }
        JsonNode ttl = props.path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
            dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(TimeToLiveSpecification.builder()
                    .attributeName(ttl.path("AttributeName").asText()).enabled(true).build()));
        }
    }

    private static String createQueue(SqsClient sqs, String name, JsonNode props, Map<String, String> arns) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        copy(props, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(props, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        copy(props, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(props, "ReceiveMessageWaitTimeSeconds", attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        copy(props, "FifoQueue", attributes, QueueAttributeName.FIFO_QUEUE);
        copy(props, "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        JsonNode redrive = props.path("RedrivePolicy");
        if (redrive.isObject()) {
            JsonNode target = redrive.path("deadLetterTargetArn");
            String arn = target.isTextual() ? target.asText() : arns.get(target.path("Fn::GetAtt").path(0).asText());
            if (arn == null) {
                throw new IllegalStateException("queue " + name + ": cannot resolve its dead-letter queue " + target);
            }
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn
                    + "\",\"maxReceiveCount\":" + redrive.path("maxReceiveCount").asInt() + "}");
        }
        return sqs.createQueue(CreateQueueRequest.builder().queueName(name).attributes(attributes).build()).queueUrl();
    }

    private static void copy(JsonNode props, String field, Map<QueueAttributeName, String> into, QueueAttributeName name) {
        JsonNode value = props.get(field);
        if (value != null && value.isValueNode()) {
            into.put(name, value.asText());
        }
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (JsonNode k : keys) {
            out.add(KeySchemaElement.builder()
                    .attributeName(k.path("AttributeName").asText())
                    .keyType(k.path("KeyType").asText()).build());
        }
        return out;
    }

    private static Projection projection(JsonNode p) {
        Projection.Builder b = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
        List<String> nonKey = new ArrayList<>();
        p.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
        if (!nonKey.isEmpty()) {
            b.nonKeyAttributes(nonKey);
        }
        return b.build();
    }

    private static String physicalName(String logicalId, JsonNode props, String field) {
        JsonNode name = props.get(field);
        if (name == null || !name.isTextual()) {
            // Names are literal in our template (see infra/cdk); a token would mean the stack changed.
            throw new IllegalStateException(logicalId + " has no literal " + field + " in the template");
        }
        return name.asText();
    }

    private void forEach(Set<String> types, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (types.contains(resource.getValue().path("Type").asText())) {
                action.accept(resource.getKey(), resource.getValue().path("Properties"));
            }
        }
    }
}
