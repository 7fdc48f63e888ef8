package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the functions of the synthesised template: every {@code AWS::Lambda::Function} that carries
 * {@code hearken:function} and {@code hearken:artifact} metadata (set by the CDK {@code HearkenFunction}
 * construct: the name, and the zip relative to the repository root, {@code <module>/target/function.zip}), with its
 * environment. {@code Ref}s to tables and queues become their literal physical names, as
 * CloudFormation would resolve them; {@code Fn::GetAtt [x, Arn]} of a queue becomes its ARN in the
 * emulator and of a role a role ARN in the emulator's account (emulators do not check roles);
 * {@code Fn::Join} of literals and the pseudo parameters {@code AWS::Partition}, {@code AWS::Region},
 * {@code AWS::AccountId}, {@code AWS::URLSuffix} (an ARN the stack builds, e.g. the default event bus's) becomes the
 * joined text; any other intrinsic — a join over a resource, such as the API's endpoint — is left out with a warning.
 */
final class TemplateFunctions {

    private TemplateFunctions() {}

    /**
     * @param queueUrls queue name → URL in the emulator
     * @param region    the emulator's region, for ARNs
     */
    static List<LocalFunction> read(JsonNode template, Map<String, String> queueUrls, String region) {
        JsonNode resources = template.path("Resources");
        List<LocalFunction> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode resource = r.getValue();
            if (!"AWS::Lambda::Function".equals(resource.path("Type").asText())) {
                continue;
            }
            String name = resource.path("Metadata").path("hearken:function").asText(null);
            String artifact = resource.path("Metadata").path("hearken:artifact").asText(null);
            if (name == null || artifact == null || !artifact.contains("/target/")) {
                continue; // e.g. CDK's own helper functions
            }
            String module = artifact.substring(0, artifact.indexOf("/target/"));
            JsonNode props = resource.path("Properties");
            Map<String, String> env = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> vars = props.path("Environment").path("Variables").fields();
                    vars.hasNext(); ) {
                Map.Entry<String, JsonNode> v = vars.next();
                String value = resolve(resources, v.getValue(), queueUrls, region);
                if (value != null) {
                    env.put(v.getKey(), value);
                } else {
                    System.err.println("  (skipping env " + v.getKey() + " of " + r.getKey() + ": not resolvable locally)");
                }
            }
            out.add(new LocalFunction(r.getKey(), name, module,
                    props.path("Handler").asText("bootstrap"),
                    props.path("MemorySize").asInt(512),
                    props.path("Timeout").asInt(30),
                    env));
        }
        return out;
    }

    private static String resolve(JsonNode resources, JsonNode value, Map<String, String> queueUrls, String region) {
        if (value.isValueNode()) {
            return value.asText();
        }
        JsonNode getAtt = value.get("Fn::GetAtt");
        if (getAtt != null && "Arn".equals(getAtt.path(1).asText())) {
            JsonNode resource = resources.path(getAtt.path(0).asText());
            String account = account(queueUrls);
            return switch (resource.path("Type").asText()) {
                case "AWS::SQS::Queue" -> {
                    String name = resource.path("Properties").path("QueueName").asText(null);
                    yield name == null ? null : "arn:aws:sqs:" + region + ":" + account + ":" + name;
                }
                case "AWS::IAM::Role" -> "arn:aws:iam::" + account + ":role/"
                        + resource.path("Properties").path("RoleName").asText(getAtt.path(0).asText());
                default -> null;
            };
        }
        JsonNode join = value.get("Fn::Join");
        if (join != null && join.path(1).isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : join.path(1)) {
                String text = part.isTextual() ? part.asText() : pseudoParameter(part.path("Ref").asText(""), queueUrls, region);
                if (text == null) {
                    return null;
                }
                parts.add(text);
            }
            return String.join(join.path(0).asText(), parts);
        }
        JsonNode ref = value.get("Ref");
        if (ref != null) {
            JsonNode resource = resources.path(ref.asText());
            JsonNode target = resource.path("Properties");
            if ("AWS::SQS::Queue".equals(resource.path("Type").asText())) {
                return queueUrls.get(target.path("QueueName").asText()); // Ref of a queue is its URL
            }
            for (String field : new String[] {"TableName", "QueueName", "Name", "FunctionName"}) {
                if (target.path(field).isTextual()) {
                    return target.path(field).asText();
                }
            }
        }
        return null;
    }

    /** The value of a pseudo parameter here, or {@code null} for anything else. */
    private static String pseudoParameter(String name, Map<String, String> queueUrls, String region) {
        return switch (name) {
            case "AWS::Partition" -> "aws";
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> account(queueUrls);
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> null;
        };
    }

    /** The emulator's account: the first path segment of its queue URLs ({@code http://host/<account>/<queue>}). */
    private static String account(Map<String, String> queueUrls) {
        for (String url : queueUrls.values()) {
            String[] parts = java.net.URI.create(url).getPath().split("/");
            if (parts.length >= 3 && parts[1].matches("\\d{12}")) {
                return parts[1];
            }
        }
        return "000000000000";
    }
}
