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
 * CloudFormation would resolve them; any other intrinsic is left out with a warning.
 */
final class TemplateFunctions {

    private TemplateFunctions() {}

    static List<LocalFunction> read(JsonNode template, Map<String, String> queueUrls) {
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
                String value = resolve(resources, v.getValue(), queueUrls);
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

    private static String resolve(JsonNode resources, JsonNode value, Map<String, String> queueUrls) {
        if (value.isValueNode()) {
            return value.asText();
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
}
