package dev.hearken.understanding;

/** One pipeline for all test classes: loading the models takes about a second. */
final class SharedPipeline {

    private static final Understanding INSTANCE = Understanding.load();

    private SharedPipeline() {
    }

    static Understanding get() {
        return INSTANCE;
    }
}
