package dev.hearken.understanding.bench;

import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Understanding;
import dev.hearken.understanding.training.Example;
import dev.hearken.understanding.training.Jsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Understanding#analyze} on one thread, over real texts from the dev splits (SMS, banking
 * queries, app reviews, Lingua sentences and word pairs: short and medium texts in 75 languages). Run with
 * {@code make understanding-jmh}; the score is texts per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx768m", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class UnderstandingBenchmark {

    /** Folder of the shared data sets (absolute, or relative to the working directory). */
    @Param("../../../shared/data")
    public String data;

    private Understanding understanding;
    private List<Input> inputs;
    private int next;

    @Setup
    public void setUp() {
        understanding = Understanding.load();
        Path dataDir = Path.of(data);
        inputs = new ArrayList<>();
        for (String set : List.of("sms-spam-collection", "banking77", "urr-app-reviews", "lingua-langid-sentences",
                "lingua-langid-word-pairs")) {
            Path file = dataDir.resolve(set).resolve("dev.jsonl");
            if (Files.exists(file)) {
                for (Example e : Jsonl.read(file)) {
                    inputs.add(Input.of(e.text()));
                }
            }
        }
        if (inputs.isEmpty()) {
            inputs.add(Input.of("The app crashes every time I open it, please help"));
        }
    }

    @Benchmark
    public Analysis analyze() {
        Input input = inputs.get(next);
        next = next + 1 == inputs.size() ? 0 : next + 1;
        return understanding.analyze(input);
    }
}
