package dev.hearken.aws.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.ReplyQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link ReplyQueue} on the {@code auto-reply} queue: one {@link AutoReplyRequest} JSON per message, with the
 * attributes {@code requestId} and {@code source}. The producing function registers {@link AutoReplyRequest} for
 * reflection.
 */
public final class SqsReplyQueue implements ReplyQueue {

    private final SqsJsonQueue<AutoReplyRequest> queue;

    public SqsReplyQueue(SqsClient sqs, Supplier<String> queueUrl, ObjectMapper json) {
        this.queue = new SqsJsonQueue<>(sqs, queueUrl, json, SqsReplyQueue::attributes);
    }

    @Override
    public void send(AutoReplyRequest request) {
        queue.send(request);
    }

    private static Map<String, String> attributes(AutoReplyRequest request) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("requestId", request.requestId());
        attributes.put("source", request.source());
        return attributes;
    }
}
