package dev.hearken.infra.constructs;

import dev.hearken.infra.HearkenSettings;
import java.util.List;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * One DynamoDB table as every Hearken table is: on-demand, point-in-time recovery on, encrypted with
 * the AWS-managed key, named {@code <prefix>-<name>} literally so emulators can create it from the template.
 *
 * <p>It stays {@code AWS::DynamoDB::Table} (not {@code TableV2}'s global table) because the test harness,
 * the local runtime and the emulators read that resource type. Deleting the stack retains the table
 * (CDK's default for tables): data outlives deployments.
 *
 * <p>Granting a function access also tells it the table's name through
 * {@code HEARKEN_TABLES_<NAME>} ({@link #environmentVariable()}), so configuration and permissions
 * cannot drift apart.
 */
public final class DataTable extends Construct {

    private static final String[] READ_ACTIONS = {
        "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"};

    private final DataTableProps props;
    private final Table table;
    private final String tableName;

    public DataTable(Construct scope, String id, DataTableProps props) {
        super(scope, id);
        this.props = props;
        this.tableName = HearkenSettings.of(this).physicalName(props.name());
        Table.Builder builder = Table.Builder.create(this, "Table")
                .tableName(tableName)
                .partitionKey(props.partitionKey().attribute())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .encryption(TableEncryption.AWS_MANAGED);
        if (props.sortKey() != null) {
            builder.sortKey(props.sortKey().attribute());
        }
        if (props.ttlAttribute() != null) {
            builder.timeToLiveAttribute(props.ttlAttribute());
        }
        this.table = builder.build();
        for (DataTableProps.Index index : props.indexes()) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(index.partitionKey().attribute())
                    .projectionType(index.keysOnly() ? ProjectionType.KEYS_ONLY : ProjectionType.ALL);
            if (index.sortKey() != null) {
                gsi.sortKey(index.sortKey().attribute());
            }
            table.addGlobalSecondaryIndex(gsi.build());
        }
    }

    /** The kebab-case name given in the props. */
    public String name() {
        return props.name();
    }

    /** The physical table name, {@code <prefix>-<name>}. */
    public String tableName() {
        return tableName;
    }

    /** The environment variable that carries the table name to functions: {@code HEARKEN_TABLES_<NAME>}. */
    public String environmentVariable() {
        return "HEARKEN_TABLES_" + HearkenSettings.envName(props.name());
    }

    /** The underlying table. */
    public Table table() {
        return table;
    }

    /**
     * Lets {@code function} read items — get, batch-get, query (indexes included) and scan — and tells
     * it the table name. Narrower than {@code Table.grantReadData}, which adds stream and
     * {@code DescribeTable} actions no Hearken function calls.
     */
    public DataTable grantRead(HearkenFunction function) {
        return grant(function, READ_ACTIONS);
    }

    /**
     * Lets {@code function} call exactly {@code actions} on the table — not on its indexes, which only the functions
     * that query them get ({@link #grantWithIndexes}) — and tells it the table name.
     *
     * @param actions IAM actions, e.g. {@code dynamodb:PutItem}
     */
    public DataTable grant(HearkenFunction function, String... actions) {
        if (props.indexes().isEmpty()) {
            table.grant(function.function(), actions); // the table's ARN only, as a one-element list
        } else {
            // Table.grant would add "<table>/index/*" for every action once a table has an index. Its placeholder
            // for that ARN, here always empty (a lazy value that produces nothing is dropped), renders the statement
            // as Table.grant renders the grant of a table without indexes: a list of the table's ARN.
            function.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of(actions))
                    .resources(List.of(table.getTableArn(), Lazy.string(() -> null)))
                    .build());
        }
        function.addEnvironment(environmentVariable(), tableName);
        return this;
    }

    /**
     * Lets {@code function} call exactly {@code actions} on the table and its indexes ({@code dynamodb:Query} of an
     * index), and tells it the table name.
     *
     * @param actions IAM actions, e.g. {@code dynamodb:Query}
     */
    public DataTable grantWithIndexes(HearkenFunction function, String... actions) {
        table.grant(function.function(), actions);
        function.addEnvironment(environmentVariable(), tableName);
        return this;
    }
}
