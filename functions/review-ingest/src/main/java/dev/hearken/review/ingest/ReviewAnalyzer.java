package dev.hearken.review.ingest;

import dev.hearken.review.model.Review;

/** Port: understands one review version. Must not throw for any review. */
@FunctionalInterface
public interface ReviewAnalyzer {

    ReviewAnalysis analyze(Review review);
}
