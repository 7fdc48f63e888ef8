package dev.hearken.autoreply.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves a request that can never succeed (a channel's 4xx other than 429, an unknown source) to the
 * queue's dead-letter queue at once, with the reason as a message attribute, instead of letting it
 * fail {@code maxReceiveCount} times first. Poison messages (not an AutoReplyRequest at all) still
 * fail their record and reach the DLQ through the redrive policy.
 */
@ApplicationScoped
public class DeadLetters {

    private final SqsClient sqs;
    private final Optional<String> dlqUrl;

    DeadLetters(SqsClient sqs, @ConfigProperty(name = "hearken.queues.auto-reply-dlq") Optional<String> dlqUrl) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
    }

    /**
     * Sends the message's body to the DLQ with {@code reason}, {@code requestId} and the original
     * message id as attributes; {@code false} when no DLQ is configured (the caller fails the record).
     */
    public boolean send(SQSEvent.SQSMessage message, String requestId, String reason) {
        if (dlqUrl.isEmpty()) {
            return false;
        }
        sqs.sendMessage(b -> b.queueUrl(dlqUrl.get()).messageBody(message.getBody()).messageAttributes(Map.of(
                "reason", text(reason),
                "requestId", text(requestId),
                "sourceMessageId", text(message.getMessageId()))));
        return true;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
