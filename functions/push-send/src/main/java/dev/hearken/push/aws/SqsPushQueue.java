package dev.hearken.push.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.PushQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The push queue on SQS. Deferral is a new message with {@code DelaySeconds} (≤ 900); dead-lettering
 * sends the message to the DLQ directly with the attribute {@code failureReason}, because a message
 * that a provider rejects as invalid would only fail {@code maxReceiveCount} times before landing there
 * without its reason (the DLQ's alarm fires either way). Batch entries that fail are retried a few
 * times; what still fails is reported as not accepted.
 */
public final class SqsPushQueue implements PushQueue {

    /** Message attribute carrying why a message was dead-lettered. */
    public static final String REASON_ATTRIBUTE = "failureReason";

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final Supplier<String> queueUrl;
    private final Supplier<String> dlqUrl;

    public SqsPushQueue(SqsClient sqs, ObjectMapper json, Supplier<String> queueUrl, Supplier<String> dlqUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
    }

    @Override
    public void defer(PushMessage message, Duration delay) {
        int seconds = (int) Math.min(900, Math.max(0, delay.toSeconds()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(PushMessageJson.write(json, message)).delaySeconds(seconds));
    }

    @Override
    public void deadLetter(PushMessage message, String reason) {
        sqs.sendMessage(b -> b.queueUrl(dlqUrl.get()).messageBody(PushMessageJson.write(json, message))
                .messageAttributes(Map.of(REASON_ATTRIBUTE,
                        MessageAttributeValue.builder().dataType("String").stringValue(reason).build())));
    }

    @Override
    public int sendBatch(List<PushMessage> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(PushMessageJson.write(json, messages.get(i))).build());
        }
        for (int attempt = 0; attempt < 3 && !entries.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> pending = entries;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl.get()).entries(pending));
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            entries = pending.stream().filter(e -> failedIds.contains(e.id())).toList();
        }
        if (!entries.isEmpty()) {
            throw new IllegalStateException(entries.size() + " messages of a batch could not be enqueued");
        }
        return messages.size();
    }
}
