package dev.hearken.infra.constructs;

import java.time.Duration;
import java.util.Objects;

/**
 * How a function polls a {@link WorkerQueue}: the SQS event source mapping's settings. Partial batch
 * responses are always on (every Hearken worker reports {@code batchItemFailures}).
 *
 * @param batchSize         messages per invocation (1..10 without a batching window, up to 10,000 with one)
 * @param maxBatchingWindow how long Lambda may wait to fill a batch; zero for lowest latency
 * @param maxConcurrency    concurrent invocations this queue may drive (2..1000): protects the APIs the worker calls
 */
public record ConsumerOptions(int batchSize, Duration maxBatchingWindow, int maxConcurrency) {

    public ConsumerOptions {
        Objects.requireNonNull(maxBatchingWindow, "maxBatchingWindow");
        if (batchSize < 1 || batchSize > 10_000 || (batchSize > 10 && maxBatchingWindow.isZero())) {
            throw new IllegalArgumentException("batchSize must be 1..10, or up to 10000 with a batching window: " + batchSize);
        }
        if (maxBatchingWindow.isNegative() || maxBatchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("maxBatchingWindow must be within 0..5 min: " + maxBatchingWindow);
        }
        if (maxConcurrency < 2 || maxConcurrency > 1000) {
            throw new IllegalArgumentException("maxConcurrency must be within Lambda's 2..1000: " + maxConcurrency);
        }
    }

    /** Starts options with the defaults: 10 messages, no batching window, at most 5 concurrent invocations. */
    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: 10 messages, no batching window, at most 5 concurrent invocations. */
    public static final class Builder {
        private int batchSize = 10;
        private Duration maxBatchingWindow = Duration.ZERO;
        private int maxConcurrency = 5;

        private Builder() {
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxBatchingWindow(Duration maxBatchingWindow) {
            this.maxBatchingWindow = maxBatchingWindow;
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public ConsumerOptions build() {
            return new ConsumerOptions(batchSize, maxBatchingWindow, maxConcurrency);
        }
    }
}
