package dev.hearken.experiment.assign.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.admin.ItemSchema;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.experiment.ExperimentItems;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.experiment.assign.lifecycle.ExperimentRules;
import dev.hearken.experiment.assign.lifecycle.InvalidExperimentException;
import dev.hearken.experiment.assign.lifecycle.Lifecycle;
import dev.hearken.experiment.assignment.Experiment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An experiment as the operator API takes it, {@code /admin/experiments/{experimentKey}}:
 * <pre>{@code
 * {"experimentKey": "checkout-copy",                       // POST only; PUT takes it from the path
 *  "definition": {"variations": ["a", "b"], "weights": [0.5, 0.5], "coverage": 0.05, …},
 *  "status": "draft",                                       // optional; the definition's, else draft
 *  "goalMetrics": ["push_opened"]}                          // optional
 * }</pre>
 * The definition is GrowthBook's experiment JSON (its {@code key} may be left out), as an object or as that object
 * in a string (what {@code GET} answers, since the table keeps it as text: so a read object can be sent back). It
 * must pass {@link ExperimentRules}. The item written is what {@link ExperimentItems} — which the catalogue reads —
 * writes, plus {@code goalMetrics}. A rollout's record ({@code rollout}, {@code rolloutHistory}) is the rollout's
 * to write; a body that sends one is refused.
 *
 * <p>The schema takes any status, so that the shipped definitions, running ones included, load as they are; the
 * operator API's own create and edit apply {@link Lifecycle}'s rules on top.
 */
public final class ExperimentSchema implements ItemSchema {

    /** The key attribute, path parameter and body field. */
    public static final String KEY = ExperimentItems.KEY;
    /** The optional goal metrics attribute: a list of metric names. */
    public static final String GOAL_METRICS = "goalMetrics";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
    private static final Set<String> FIELDS = Set.of(ExperimentItems.DEFINITION, ExperimentItems.STATUS, GOAL_METRICS);
    private static final Set<String> ROLLOUT_RECORD = Set.of("rollout", "rolloutHistory");

    private final ObjectMapper json;
    private final ExperimentItems items;

    public ExperimentSchema(ObjectMapper json) {
        this.json = json;
        this.items = new ExperimentItems(json);
    }

    @Override
    public String kind() {
        return "experiment";
    }

    @Override
    public List<String> keyNames() {
        return List.of(KEY);
    }

    @Override
    public Map<String, AttributeValue> item(Map<String, String> key, JsonNode body) {
        return item(experiment(key.get(KEY), body), goalMetrics(body));
    }

    /** The item that holds {@code experiment} and its goal metrics. */
    Map<String, AttributeValue> item(Experiment experiment, List<String> goalMetrics) {
        Map<String, AttributeValue> item = items.write(experiment);
        if (!goalMetrics.isEmpty()) {
            item.put(GOAL_METRICS, AttributeValue.fromL(goalMetrics.stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    /**
     * The experiment a body describes (key, version and bookkeeping fields are ignored: the caller checks them).
     *
     * @throws BadRequestException naming the field at fault
     */
    public Experiment experiment(String key, JsonNode body) {
        checkFields(body);
        Map<String, Object> definition = definition(body.get(ExperimentItems.DEFINITION));
        JsonNode status = body.get(ExperimentItems.STATUS);
        if (status != null && !status.isTextual()) {
            throw new BadRequestException("status", "status must be draft, running or stopped");
        }
        Object own = definition.get("status");
        if (status != null && own != null && !status.asText().equals(own)) {
            throw new BadRequestException("status", "status and definition.status differ");
        }
        if (own == null) {
            // A definition without a status would run (GrowthBook's default); written here it starts as a draft.
            definition.put("status", status == null ? Lifecycle.DRAFT : status.asText());
        }
        try {
            return ExperimentRules.read(key, definition);
        } catch (InvalidExperimentException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }

    /** The goal metrics a body names; empty when it names none. */
    public List<String> goalMetrics(JsonNode body) {
        try {
            return ExperimentRules.goalMetrics(plain(body.get(GOAL_METRICS)));
        } catch (InvalidExperimentException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }

    /** The experiment a stored item holds. */
    public Experiment experiment(Map<String, AttributeValue> item) {
        return items.read(item);
    }

    /** The goal metrics of a stored item. */
    public List<String> goalMetrics(Map<String, AttributeValue> item) {
        AttributeValue metrics = item.get(GOAL_METRICS);
        List<String> names = new ArrayList<>();
        if (metrics != null && metrics.hasL()) {
            metrics.l().forEach(m -> names.add(m.s()));
        }
        return names;
    }

    private static void checkFields(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (ROLLOUT_RECORD.contains(field)) {
                throw new BadRequestException(field, field + " is written by POST …/rollout; leave it out");
            }
            if (!FIELDS.contains(field) && !field.equals(KEY) && !VersionedItems.BOOKKEEPING.contains(field)) {
                throw new BadRequestException(field, field + " is not a field of an experiment: " + FIELDS);
            }
        }
    }

    private Map<String, Object> definition(JsonNode node) {
        if (node != null && node.isTextual()) {
            try {
                node = json.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new BadRequestException("definition", "definition is a string that is not JSON");
            }
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("definition",
                    "definition is required: GrowthBook's experiment JSON, as an object or as a string");
        }
        return new LinkedHashMap<>(json.convertValue(node, JSON_OBJECT));
    }

    private Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : json.convertValue(node, Object.class);
    }
}
