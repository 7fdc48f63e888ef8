package dev.hearken.review.aws;

import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.ingest.ReviewQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** {@link ReviewQueue} on the {@code reviews} queue: one {@link ReviewMessage} JSON per message. */
public final class SqsReviewQueue implements ReviewQueue {

    /** SQS accepts at most 10 entries per SendMessageBatch. */
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final ReviewMessageJson json;

    public SqsReviewQueue(SqsClient sqs, Supplier<String> queueUrl, ReviewMessageJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public String send(ReviewMessage message) {
        return sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(body(message))).messageId();
    }

    @Override
    public void sendAll(List<ReviewMessage> messages) {
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, messages.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body(messages.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl.get()).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // The caller keeps its position, so the whole page is sent again next time: the worker's
                // versioned upsert makes the already-sent ones no-ops.
                throw new IllegalStateException(response.failed().size() + " review messages were not accepted by SQS: "
                        + response.failed().get(0).code());
            }
        }
    }

    private String body(ReviewMessage message) {
        return json.write(message);
    }
}
