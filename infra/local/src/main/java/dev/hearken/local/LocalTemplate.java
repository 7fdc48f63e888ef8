package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the local runtime needs from the synthesised template besides the functions: HTTP API routes,
 * SQS event source mappings, scheduled rules and event-pattern rules, each pointing at a function by logical id — read
 * from the template, never listed by hand.
 */
final class LocalTemplate {

    /**
     * {@code RouteKey} such as {@code POST /experiments/{key}/assignments} → function logical id, and
     * whether API Gateway's IAM authoriser guards it ({@code AuthorizationType: AWS_IAM}).
     */
    record Route(String routeKey, String functionLogicalId, boolean iam) {}

    /** An SQS → Lambda mapping, as Lambda's poller would run it. */
    record QueueMapping(String queueName, String functionLogicalId, int batchSize, int batchingWindowSeconds,
            boolean reportBatchItemFailures) {}

    /** An EventBridge rule with a schedule that targets a function. */
    record Schedule(String ruleName, String expression, String functionLogicalId, String input) {}

    /**
     * An EventBridge rule with an event pattern that targets a function; only the pattern's {@code source} and
     * {@code detail-type} lists are read (what the template's rules match on). An empty list matches anything.
     */
    record EventRule(String ruleName, List<String> sources, List<String> detailTypes, String functionLogicalId) {

        /** Whether an event of {@code source} and {@code detailType} matches this rule. */
        boolean matches(String source, String detailType) {
            return (sources.isEmpty() || sources.contains(source))
                    && (detailTypes.isEmpty() || detailTypes.contains(detailType));
        }
    }

    private final JsonNode resources;

    LocalTemplate(JsonNode template) {
        this.resources = template.path("Resources");
    }

    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        each("AWS::ApiGatewayV2::Route", (id, props) -> {
            String integration = refInJoin(props.path("Target"));
            JsonNode uri = resources.path(integration).path("Properties").path("IntegrationUri");
            String function = getAttTarget(uri);
            if (function != null) {
                out.add(new Route(props.path("RouteKey").asText(), function,
                        "AWS_IAM".equals(props.path("AuthorizationType").asText())));
            }
        });
        return out;
    }

    List<QueueMapping> queueMappings() {
        List<QueueMapping> out = new ArrayList<>();
        each("AWS::Lambda::EventSourceMapping", (id, props) -> {
            String queue = getAttTarget(props.path("EventSourceArn"));
            JsonNode queueProps = resources.path(queue == null ? "" : queue).path("Properties");
            if (queue == null || !queueProps.path("QueueName").isTextual()) {
                return;
            }
            boolean partial = false;
            for (JsonNode type : props.path("FunctionResponseTypes")) {
                partial |= "ReportBatchItemFailures".equals(type.asText());
            }
            out.add(new QueueMapping(queueProps.path("QueueName").asText(),
                    props.path("FunctionName").path("Ref").asText(),
                    props.path("BatchSize").asInt(10),
                    props.path("MaximumBatchingWindowInSeconds").asInt(0),
                    partial));
        });
        return out;
    }

    List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        each("AWS::Events::Rule", (id, props) -> {
            String expression = props.path("ScheduleExpression").asText(null);
            if (expression == null) {
                return;
            }
            for (JsonNode target : props.path("Targets")) {
                String function = getAttTarget(target.path("Arn"));
                if (function != null) {
                    out.add(new Schedule(props.path("Name").asText(id), expression, function,
                            target.path("Input").asText(null)));
                }
            }
        });
        return out;
    }

    List<EventRule> eventRules() {
        List<EventRule> out = new ArrayList<>();
        each("AWS::Events::Rule", (id, props) -> {
            JsonNode pattern = props.path("EventPattern");
            if (pattern.isMissingNode()) {
                return;
            }
            List<String> sources = new ArrayList<>();
            pattern.path("source").forEach(v -> sources.add(v.asText()));
            List<String> detailTypes = new ArrayList<>();
            pattern.path("detail-type").forEach(v -> detailTypes.add(v.asText()));
            for (JsonNode target : props.path("Targets")) {
                String function = getAttTarget(target.path("Arn"));
                if (function != null) {
                    out.add(new EventRule(props.path("Name").asText(id), sources, detailTypes, function));
                }
            }
        });
        return out;
    }

    private static String getAttTarget(JsonNode node) {
        JsonNode att = node.get("Fn::GetAtt");
        return att != null && att.isArray() ? att.path(0).asText() : null;
    }

    private static String refInJoin(JsonNode node) {
        JsonNode join = node.get("Fn::Join");
        if (join != null) {
            for (JsonNode part : join.path(1)) {
                if (part.has("Ref")) {
                    return part.get("Ref").asText();
                }
            }
        }
        return node.path("Ref").asText("");
    }

    private void each(String type, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (type.equals(r.getValue().path("Type").asText())) {
                action.accept(r.getKey(), r.getValue().path("Properties"));
            }
        }
    }
}
