package dev.hearken.benchmarks;

import dev.hearken.experiment.assignment.AssignmentResult;
import dev.hearken.experiment.assignment.AssignmentResult.Reason;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.ExperimentRunner;
import dev.hearken.experiment.assignment.GrowthBookHash;
import dev.hearken.experiment.assignment.RunContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process cost of assigning one user: {@link ExperimentRunner#run} on a realistic definition,
 * and the hash alone, over a rotating set of pre-generated users so results are not one cached
 * branch. Ids and countries come from a fixed seed, so every run sees the same users.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssignmentBenchmark {

    private static final int USERS = 10_000;

    /** Half the users are targeted (US, BR), the rest are not, as a country-targeted test would see. */
    private static final List<String> COUNTRIES = List.of("US", "BR", "US", "BR", "DE", "IN", "MX", "GB");

    private Experiment experiment;
    private RunContext context;
    private String[] ids;
    private Map<String, Object>[] attributes;
    private Map<String, Object>[] reachingTheHash;
    private int next;
    private int nextReaching;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        experiment = Experiment.fromMap(Map.of(
                "key", "checkout-copy",
                "variations", List.of("control", "short", "long"),
                "weights", List.of(0.34, 0.33, 0.33),
                "coverage", 0.9,
                "hashVersion", 2,
                "namespace", List.of("checkout", 0, 0.5),
                "condition", Map.of("country", Map.of("$in", List.of("US", "BR"))),
                "meta", List.of(Map.of("key", "control"), Map.of("key", "short"), Map.of("key", "long"))));
        context = RunContext.defaults();

        Random random = new Random(42);
        ids = new String[USERS];
        attributes = new Map[USERS];
        for (int i = 0; i < USERS; i++) {
            ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            Map<String, Object> attrs = new HashMap<>(); // what a JSON library hands over
            attrs.put("id", ids[i]);
            attrs.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
            attributes[i] = attrs;
        }
        // The users that pass the namespace and the condition, so every call hashes and buckets.
        reachingTheHash = Arrays.stream(attributes)
                .filter(attrs -> {
                    Reason reason = ExperimentRunner.run(experiment, attrs, context).reason();
                    return reason != Reason.NOT_IN_NAMESPACE && reason != Reason.CONDITION_FAILED;
                })
                .toArray(Map[]::new);
    }

    /**
     * Assignment over the whole user mix: about half leave at the namespace, a quarter at the
     * condition, 2% at coverage, and 22% are assigned (see README.md).
     */
    @Benchmark
    public AssignmentResult assign() {
        return ExperimentRunner.run(experiment, attributes[nextUser()], context);
    }

    /** Worst case: only users who reach the hash (about a fifth of the mix above), so every check runs. */
    @Benchmark
    public AssignmentResult assignFullPath() {
        int i = nextReaching;
        nextReaching = i + 1 == reachingTheHash.length ? 0 : i + 1;
        return ExperimentRunner.run(experiment, reachingTheHash[i], context);
    }

    /** The v2 hash alone (two FNV-1a passes), the floor under {@link #assign}. */
    @Benchmark
    public Double hashV2() {
        return GrowthBookHash.hash("checkout-copy", ids[nextUser()], 2);
    }

    private int nextUser() {
        int i = next;
        next = i + 1 == USERS ? 0 : i + 1;
        return i;
    }
}
