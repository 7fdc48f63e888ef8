package dev.hearken.review.ingest;

import java.util.List;

/** Port: puts review messages on the reviews queue for the worker. */
public interface ReviewQueue {

    /** Sends one message; returns its queue message id. */
    String send(ReviewMessage message);

    /** Sends several messages (in batches the queue allows); fails if any was not accepted. */
    void sendAll(List<ReviewMessage> messages);
}
