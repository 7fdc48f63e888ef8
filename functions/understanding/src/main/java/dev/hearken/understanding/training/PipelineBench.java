package dev.hearken.understanding.training;

import dev.hearken.understanding.Input;
import dev.hearken.understanding.Understanding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and heap harness for the whole pipeline ({@link Understanding#analyze}) on one thread: loads the
 * shipped models, reports retained heap, then analyses the given JSONL files' texts repeatedly for a fixed time
 * and reports texts/s. Run pinned to one core: {@code make bench}.
 *
 * <p>Usage: {@code PipelineBench <seconds> <file.jsonl>...}.
 */
public final class PipelineBench {

    private PipelineBench() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Jsonl.read(Path.of(args[i])).forEach(e -> texts.add(e.text()));
        }
        double before = Heap.retainedMb();
        long t0 = System.nanoTime();
        Understanding u = Understanding.load();
        double load = (System.nanoTime() - t0) / 1e9;
        double retained = Heap.retainedMb() - before;
        System.out.printf("load %.2f s, models retain %.0f MB of heap%n", load, retained);
        long sink = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            int n = 0;
            while (System.nanoTime() < deadline) {
                sink += u.analyze(Input.of(texts.get(n % texts.size()))).reasons().size();
                n++;
            }
            double s = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            // Per CPU-second of this thread as well: on a shared machine wall-clock time includes waiting for a core.
            System.out.printf("%s: %d texts in %.1f s = %.0f texts/s wall-clock, %.0f texts per CPU-second (mean %.0f chars)%n",
                    round == 0 ? "warm-up" : "measured", n, s, n / s, n / cpu,
                    texts.stream().mapToInt(String::length).average().orElse(0));
        }
        System.out.println("peak heap " + Math.round(Heap.peakMb()) + " MB" + (sink == 42 ? "" : ""));
    }
}
