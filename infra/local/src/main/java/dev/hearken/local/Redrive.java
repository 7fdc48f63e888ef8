package dev.hearken.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code make redrive QUEUE=<name> [TO=<name>]}: moves the messages of a dead-letter queue back to the queue
 * they came from, after the fault that dead-lettered them is fixed, and reports how many moved and how many
 * could not be.
 *
 * <p>A receive, send, delete loop rather than SQS's {@code StartMessageMoveTask}: emulators (moto) do not all
 * implement the move task, and the Scheduler DLQ's messages go to a queue that is not their SQS source, which
 * the move task cannot express. Each message is sent with its body and message attributes (the reason a
 * function attached, trace ids) and deleted from the DLQ only once the target accepted it, so a failure
 * leaves it in the DLQ: at least once, never lost. The target queue's receive count starts afresh.
 *
 * <p>It talks to whatever the standard AWS configuration names: {@code AWS_ENDPOINT_URL} (an emulator, e.g.
 * the one {@code make run ARGS=--keep-running} prints), {@code AWS_REGION}, the default credential chain
 * (static test credentials when an endpoint is given without keys, as emulators accept anything).
 */
public final class Redrive {

    /** Received messages stay hidden this long, so one that failed to move is not received again in this run. */
    private static final int HIDE_SECONDS = 300;
    private static final int BATCH = 10;

    private final SqsClient sqs;

    public Redrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** What one run did: messages moved to the target, and messages left in the DLQ because the move failed. */
    public record Result(int moved, int failed) {}

    /**
     * The DLQ and the queue its messages go back to, as physical names.
     *
     * @param deadLetterQueue the queue emptied
     * @param target          the queue the messages are sent to
     */
    public record Queues(String deadLetterQueue, String target) {

        /**
         * {@code tickets} (or {@code tickets-dlq}, or {@code hearken-tickets}) → {@code hearken-tickets-dlq} back to
         * {@code hearken-tickets}; {@code to} names another target ({@code push-deferrals-dlq} → {@code push}).
         */
        public static Queues of(String prefix, String queue, String to) {
            String dlq = physical(prefix, queue.endsWith("-dlq") ? queue : queue + "-dlq");
            String target = to == null || to.isBlank() ? dlq.substring(0, dlq.length() - "-dlq".length()) : physical(prefix, to);
            return new Queues(dlq, target);
        }

        private static String physical(String prefix, String name) {
            return name.startsWith(prefix + "-") ? name : prefix + "-" + name;
        }
    }

    /** Moves every message of {@code queues.deadLetterQueue()} to {@code queues.target()}. */
    public Result redrive(Queues queues) {
        String from = sqs.getQueueUrl(b -> b.queueName(queues.deadLetterQueue())).queueUrl();
        String to = sqs.getQueueUrl(b -> b.queueName(queues.target())).queueUrl();
        return redrive(from, to);
    }

    /** Moves every message visible in the queue at {@code fromUrl} to the queue at {@code toUrl}. */
    public Result redrive(String fromUrl, String toUrl) {
        int moved = 0;
        int failed = 0;
        Set<String> seen = new HashSet<>();
        while (true) {
            // Long polling asks every SQS server, so an empty answer means the queue has nothing visible left.
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(fromUrl).maxNumberOfMessages(BATCH)
                    .waitTimeSeconds(1).visibilityTimeout(HIDE_SECONDS).messageAttributeNames("All")).messages();
            List<Message> fresh = messages.stream().filter(m -> seen.add(m.messageId())).toList();
            if (fresh.isEmpty()) {
                return new Result(moved, failed);
            }
            List<Message> sent = send(toUrl, fresh);
            failed += fresh.size() - sent.size();
            if (!sent.isEmpty()) {
                delete(fromUrl, sent);
                moved += sent.size();
            }
        }
    }

    private List<Message> send(String toUrl, List<Message> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(m.body()).messageAttributes(m.messageAttributes()).build());
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(toUrl).entries(entries));
        } catch (SdkException e) {
            System.err.println("redrive: a batch of " + messages.size() + " was not accepted: " + e.getMessage());
            return List.of();
        }
        for (BatchResultErrorEntry error : response.failed()) {
            System.err.println("redrive: message " + messages.get(Integer.parseInt(error.id())).messageId()
                    + " not accepted: " + error.code());
        }
        return response.successful().stream().map(ok -> messages.get(Integer.parseInt(ok.id()))).toList();
    }

    private void delete(String fromUrl, List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        // A delete that fails leaves a copy in the DLQ that is already in the target: at least once, as SQS is.
        sqs.deleteMessageBatch(b -> b.queueUrl(fromUrl).entries(entries)).failed().forEach(error -> System.err.println(
                "redrive: message " + messages.get(Integer.parseInt(error.id())).messageId()
                        + " was moved but is still in the DLQ: " + error.code()));
    }

    /** {@code Redrive <queue> [<target>]}; the prefix from {@code HEARKEN_PREFIX} (default {@code hearken}). */
    public static void main(String[] args) {
        if (args.length < 1 || args[0].isBlank()) {
            System.err.println("usage: make redrive QUEUE=<queue or its DLQ, e.g. tickets> [TO=<target queue>] [PREFIX=hearken]");
            System.exit(2);
        }
        String prefix = env("HEARKEN_PREFIX", "hearken");
        Queues queues = Queues.of(prefix, args[0].strip(), args.length > 1 ? args[1].strip() : null);
        try (SqsClient sqs = client()) {
            Result result = new Redrive(sqs).redrive(queues);
            System.out.printf("redrive %s -> %s: moved %d, failed %d%n", queues.deadLetterQueue(), queues.target(),
                    result.moved(), result.failed());
            System.exit(result.failed() == 0 ? 0 : 1);
        }
    }

    private static SqsClient client() {
        SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.of(env("AWS_REGION", env("AWS_DEFAULT_REGION", "us-east-1"))));
            if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null) {
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
            }
        }
        return builder.build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
