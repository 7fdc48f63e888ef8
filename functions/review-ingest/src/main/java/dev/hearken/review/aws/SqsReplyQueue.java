package dev.hearken.review.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.ingest.ReplyQueue;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ReplyQueue} on the {@code auto-reply} queue: one {@link AutoReplyRequest} JSON per message. */
public final class SqsReplyQueue implements ReplyQueue {

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final ObjectMapper json;

    public SqsReplyQueue(SqsClient sqs, Supplier<String> queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(AutoReplyRequest request) {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply request is not serialisable", e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(body));
    }
}
