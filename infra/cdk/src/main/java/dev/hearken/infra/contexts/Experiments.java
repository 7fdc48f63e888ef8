package dev.hearken.infra.contexts;

import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/**
 * Experiments: variants assigned over HTTP with first exposures recorded (experiment-assign), outcome
 * events counted (experiment-conversions, behind the conversions queue), results, rollouts and the
 * program overview served (experiment-results), and, declared last by {@link #administration}, the operator API
 * (experiments-admin). All four run the {@code functions/experiment-assign} artifact with their own {@code @Funq}
 * export.
 *
 * <p>Other contexts assign variants with the same library, so they get {@link #experiments()} and
 * {@link #exposures()} (and {@link #aggregates()} where they count first exposures); push-send adds its
 * program counters to {@link #programStats()}.
 */
public final class Experiments {

    private final DataTable experiments;
    private final DataTable exposures;
    /**
     * The user-id index of the tables not keyed by user, which erasing a user queries (push-send's
     * {@code DynamoDbPersonalData.BY_USER}). Adding a global secondary index changes neither the key schema nor the
     * logical id: CloudFormation adds it in place (one new index per table and update).
     */
    public static final String BY_USER = "byUser";

    private final DataTable aggregates;
    private final DataTable conversions;
    private final DataTable programStats;
    private final HearkenFunction results;

    public Experiments(StackBase platform) {
        this.experiments = platform.table(DataTableProps.builder("experiments", Key.string("experimentKey"))
                .build());
        this.exposures = platform.table(DataTableProps.builder("exposures", Key.string("experimentKey"))
                .sortKey(Key.string("userId"))
                .ttlAttribute("expiresAt")
                // a user's exposures, for erasing the user (push-send's app-api); keys only: found, then deleted
                .keysOnlyIndex(BY_USER, Key.string("userId"))
                .build());

        HearkenFunction assign = platform.function(HearkenFunctionProps.builder("experiment-assign")
                .export("assign")
                .build());
        experiments.grantRead(assign);
        exposures.grant(assign, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        platform.route(HttpMethod.POST, "/experiments/{key}/assignments", assign);
        platform.route(HttpMethod.POST, "/assignments", assign);

        // Counters are atomic ADDs in experiment-aggregates, so a result is one Query whatever the traffic;
        // conversions remembers event ids (35 days) so a redelivered event is never counted twice;
        // program-stats holds per program and day counters (push-send adds sends/deliveries/caps/deferrals
        // there). DynamoDB transactions need exactly the item actions they contain.
        this.aggregates = platform.table(DataTableProps.builder("experiment-aggregates", Key.string("experimentKey"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt") // only the per-user running totals expire; counters have no expiresAt
                .build());
        this.conversions = platform.table(DataTableProps.builder("conversions", Key.string("eventId"))
                .ttlAttribute("expiresAt")
                .keysOnlyIndex(BY_USER, Key.string("userId")) // a user's events, for erasing the user
                .build());
        this.programStats = platform.table(DataTableProps.builder("program-stats", Key.string("program"))
                .sortKey(Key.string("day"))
                .build());
        aggregates.grant(assign, "dynamodb:UpdateItem"); // counts first exposures

        this.results = platform.function(HearkenFunctionProps.builder("experiment-results")
                .module("functions/experiment-assign")
                .export("results")
                .build());
        // A rollout reads the experiment and replaces it, conditional on its version, in one transaction with its
        // audit entry (see administration).
        experiments.grant(results, "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:PutItem");
        exposures.grant(results, "dynamodb:GetItem");
        aggregates.grant(results, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem");
        conversions.grant(results, "dynamodb:PutItem", "dynamodb:GetItem");
        programStats.grant(results, "dynamodb:Query", "dynamodb:UpdateItem");
        platform.route(HttpMethod.GET, "/experiments/{key}/results", results);
        platform.route(HttpMethod.POST, "/experiments/{key}/rollout", results);
        platform.route(HttpMethod.POST, "/conversions", results);
        platform.route(HttpMethod.GET, "/programs/{program}/overview", results);

        HearkenFunction conversionsWorker = platform.function(HearkenFunctionProps.builder("experiment-conversions")
                .module("functions/experiment-assign")
                .export("conversions")
                .build());
        experiments.grant(conversionsWorker, "dynamodb:Scan");
        exposures.grant(conversionsWorker, "dynamodb:GetItem");
        aggregates.grant(conversionsWorker, "dynamodb:GetItem", "dynamodb:UpdateItem");
        conversions.grant(conversionsWorker, "dynamodb:PutItem", "dynamodb:GetItem");
        programStats.grant(conversionsWorker, "dynamodb:UpdateItem");
        platform.queue(WorkerQueueProps.builder("conversions", conversionsWorker.timeout()).build())
                .consumer(conversionsWorker, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());
    }

    /**
     * The operator API (issue #16), declared after every other context so that the resources before it keep their
     * place in the template: experiments-admin serves {@code /admin/experiments} (create as draft, read, edit,
     * delete, history) and the actions {@code POST /admin/experiments/{experimentKey}/start}, {@code /stop} and
     * {@code /rollout}, every write versioned and audited. experiment-results' {@code POST /experiments/{key}/rollout}
     * takes the same audited path, so it writes audit entries too.
     */
    public void administration(StackBase platform) {
        HearkenFunction admin = platform.function(HearkenFunctionProps.builder("experiments-admin")
                .module("functions/experiment-assign")
                .export("admin")
                .build());
        platform.administers(admin, experiments);
        platform.adminCollection(admin, "/admin/experiments", "experimentKey");
        for (String action : List.of("start", "stop", "rollout")) {
            platform.route(HttpMethod.POST, "/admin/experiments/{experimentKey}/" + action, admin);
        }
        platform.administers(results); // the audit table only: its grants on experiments are above
    }

    /** The experiment definitions; assigning a variant reads them. */
    public DataTable experiments() {
        return experiments;
    }

    /** One item per experiment and user: the first exposure, which every later assignment repeats. */
    public DataTable exposures() {
        return exposures;
    }

    /** Per experiment counters (first exposures, conversions) and per-user running totals. */
    public DataTable aggregates() {
        return aggregates;
    }

    /** Counted outcome events, one item per event id, with the user's id (index {@link #BY_USER}). */
    public DataTable conversions() {
        return conversions;
    }

    /** Per program and day counters behind the program overview. */
    public DataTable programStats() {
        return programStats;
    }
}
