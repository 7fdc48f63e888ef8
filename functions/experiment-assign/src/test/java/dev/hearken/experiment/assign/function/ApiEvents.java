package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds API Gateway (payload 2.0) and SQS envelopes for tests that need many generated requests;
 * the hand-written samples in {@code events/} stay the reference for the shapes.
 */
final class ApiEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiEvents() {}

    /** The envelope as JSON, for posting to the Lambda mock event server. */
    static String http(String method, String path, Object body, Map<String, String> query) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", Map.of("content-type", "application/json"));
        if (query != null && !query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        event.put("requestContext", Map.of("http", Map.of("method", method, "path", path), "stage", "$default"));
        if (body != null) {
            event.put("body", write(body));
        }
        event.put("isBase64Encoded", false);
        return write(event);
    }

    /** The same envelope as the object Funqy would hand the function, for calling a function bean directly. */
    static APIGatewayV2HTTPEvent httpEvent(String method, String path, Object body) {
        try {
            return JSON.readValue(http(method, path, body, null), APIGatewayV2HTTPEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SQS batch whose records carry {@code bodies} (raw strings) with ids {@code <prefix>-<i>}. */
    static String sqs(String idPrefix, List<String> bodies) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            records.add(Map.of("messageId", idPrefix + "-" + i, "receiptHandle", "rh-" + idPrefix + "-" + i,
                    "body", bodies.get(i), "attributes", Map.of("ApproximateReceiveCount", "1",
                            "SentTimestamp", Long.toString(System.currentTimeMillis())),
                    "messageAttributes", Map.of(), "eventSource", "aws:sqs",
                    "eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:hearken-conversions", "awsRegion", "us-east-1"));
        }
        return write(Map.of("Records", records));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
