package dev.hearken.review.aws;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Resolves queue URLs: the one the stack configured ({@code HEARKEN_QUEUES_<NAME>}), else the queue's default name
 * looked up once (GetQueueUrl is part of the send grant).
 */
final class SqsQueueUrls {

    private final SqsClient sqs;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    SqsQueueUrls(SqsClient sqs) {
        this.sqs = sqs;
    }

    String url(Optional<String> configured, String defaultName) {
        return configured.filter(u -> !u.isBlank())
                .orElseGet(() -> resolved.computeIfAbsent(defaultName,
                        n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl()));
    }
}
