package dev.hearken.experiment.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads and writes {@link Experiment} in GrowthBook's JSON shape, naming the field of any error. */
final class ExperimentJson {

    private static final List<String> UNSUPPORTED = List.of("urlPatterns", "url", "include", "groups");

    private ExperimentJson() {}

    static Experiment read(Map<String, Object> json) {
        if (json == null) {
            throw new IllegalArgumentException("experiment definition is required");
        }
        for (String key : UNSUPPORTED) {
            if (json.get(key) != null) {
                throw new IllegalArgumentException(
                        key + " is not supported: browser/legacy targeting has no meaning for server-side assignment");
            }
        }
        Object variations = json.get("variations");
        if (variations == null) {
            throw new IllegalArgumentException("variations is required");
        }
        if (!(variations instanceof List<?> variationList)) {
            throw new IllegalArgumentException("variations must be a list");
        }
        return new Experiment(
                requiredString(json, "key"),
                JsValues.immutableJsonList(variationList, "variations"),
                numbers(json.get("weights"), "weights"),
                number(json.get("coverage"), "coverage"),
                string(json.get("hashAttribute"), "hashAttribute"),
                string(json.get("fallbackAttribute"), "fallbackAttribute"),
                integer(json.get("hashVersion"), "hashVersion"),
                string(json.get("seed"), "seed"),
                namespace(json.get("namespace")),
                filters(json.get("filters")),
                ranges(json.get("ranges"), "ranges"),
                object(json.get("condition"), "condition"),
                parentConditions(json.get("parentConditions")),
                meta(json.get("meta")),
                string(json.get("status"), "status"),
                bool(json.get("active"), "active"),
                integer(json.get("force"), "force"),
                string(json.get("name"), "name"));
    }

    static Map<String, Object> write(Experiment e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", e.key());
        out.put("variations", e.variations());
        putIfPresent(out, "weights", e.weights());
        putIfPresent(out, "coverage", e.coverage());
        putIfPresent(out, "hashAttribute", e.hashAttribute());
        putIfPresent(out, "fallbackAttribute", e.fallbackAttribute());
        putIfPresent(out, "hashVersion", e.hashVersion());
        putIfPresent(out, "seed", e.seed());
        if (e.namespace() != null) {
            out.put("namespace", List.of(e.namespace().id(), e.namespace().start(), e.namespace().end()));
        }
        if (e.filters() != null) {
            List<Object> filters = new ArrayList<>();
            for (Filter f : e.filters()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", f.seed());
                m.put("ranges", writeRanges(f.ranges()));
                putIfPresent(m, "attribute", f.attribute());
                putIfPresent(m, "hashVersion", f.hashVersion());
                filters.add(m);
            }
            out.put("filters", filters);
        }
        if (e.ranges() != null) {
            out.put("ranges", writeRanges(e.ranges()));
        }
        putIfPresent(out, "condition", e.condition());
        if (e.parentConditions() != null) {
            List<Object> parents = new ArrayList<>();
            for (ParentCondition p : e.parentConditions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("condition", p.condition());
                if (p.gate()) {
                    m.put("gate", true);
                }
                parents.add(m);
            }
            out.put("parentConditions", parents);
        }
        if (e.meta() != null) {
            List<Object> meta = new ArrayList<>();
            for (VariationMeta v : e.meta()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putIfPresent(m, "key", v.key());
                putIfPresent(m, "name", v.name());
                if (v.passthrough()) {
                    m.put("passthrough", true);
                }
                meta.add(m);
            }
            out.put("meta", meta);
        }
        putIfPresent(out, "status", e.status());
        putIfPresent(out, "active", e.active());
        putIfPresent(out, "force", e.force());
        putIfPresent(out, "name", e.name());
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static List<Object> writeRanges(List<Range> ranges) {
        List<Object> out = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            out.add(List.of(r.start(), r.end()));
        }
        return out;
    }

    private static Namespace namespace(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l && l.size() == 3 && l.get(0) instanceof String id
                && isNumber(l.get(1)) && isNumber(l.get(2))) {
            return new Namespace(id, ((Number) l.get(1)).doubleValue(), ((Number) l.get(2)).doubleValue());
        }
        throw new IllegalArgumentException("namespace must be [id, start, end]");
    }

    private static List<Filter> filters(Object v) {
        List<?> list = list(v, "filters");
        if (list == null) {
            return null;
        }
        List<Filter> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String field = "filters[" + i + "]";
            Map<String, Object> m = object(list.get(i), field);
            if (m == null) {
                throw new IllegalArgumentException(field + " must be an object");
            }
            List<Range> ranges = ranges(m.get("ranges"), field + ".ranges");
            if (ranges == null) {
                throw new IllegalArgumentException(field + ".ranges is required");
            }
            out.add(new Filter(
                    requiredString(m, "seed", field + ".seed"),
                    ranges,
                    string(m.get("attribute"), field + ".attribute"),
                    integer(m.get("hashVersion"), field + ".hashVersion")));
        }
        return out;
    }

    private static List<Range> ranges(Object v, String field) {
        List<?> list = list(v, field);
        if (list == null) {
            return null;
        }
        List<Range> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof List<?> pair && pair.size() == 2
                    && isNumber(pair.get(0)) && isNumber(pair.get(1))) {
                out.add(new Range(((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()));
            } else {
                throw new IllegalArgumentException(field + "[" + i + "] must be [start, end]");
            }
        }
        return out;
    }

    private static List<ParentCondition> parentConditions(Object v) {
        return objects(v, "parentConditions", (m, field) -> new ParentCondition(
                requiredString(m, "id", field + ".id"),
                object(m.get("condition"), field + ".condition"),
                Boolean.TRUE.equals(bool(m.get("gate"), field + ".gate"))));
    }

    private static List<VariationMeta> meta(Object v) {
        return objects(v, "meta", (m, field) -> new VariationMeta(
                string(m.get("key"), field + ".key"),
                string(m.get("name"), field + ".name"),
                Boolean.TRUE.equals(bool(m.get("passthrough"), field + ".passthrough"))));
    }

    /** A list of objects, each read by {@code read} with its field path ({@code meta[2]}); {@code null} when absent. */
    private static <T> List<T> objects(Object v, String name, BiFunction<Map<String, Object>, String, T> read) {
        List<?> list = list(v, name);
        if (list == null) {
            return null;
        }
        List<T> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String field = name + "[" + i + "]";
            Map<String, Object> m = object(list.get(i), field);
            if (m == null) {
                throw new IllegalArgumentException(field + " must be an object");
            }
            out.add(read.apply(m, field));
        }
        return out;
    }

    private static String requiredString(Map<String, Object> json, String key) {
        return requiredString(json, key, key);
    }

    private static String requiredString(Map<String, Object> json, String key, String field) {
        String s = string(json.get(key), field);
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return s;
    }

    private static String string(Object v, String field) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(field + " must be a string");
    }

    private static Boolean bool(Object v, String field) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new IllegalArgumentException(field + " must be a boolean");
    }

    private static Double number(Object v, String field) {
        if (v == null) {
            return null;
        }
        if (isNumber(v)) {
            return ((Number) v).doubleValue();
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    private static Integer integer(Object v, String field) {
        if (v == null) {
            return null;
        }
        if (isNumber(v)) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new IllegalArgumentException(field + " must be an integer");
    }

    private static List<Double> numbers(Object v, String field) {
        List<?> list = list(v, field);
        if (list == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(number(list.get(i), field + "[" + i + "]"));
            if (out.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must be a number");
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<?> list(Object v, String field) {
        if (v == null || v instanceof List<?>) {
            return (List<?>) v;
        }
        throw new IllegalArgumentException(field + " must be a list");
    }

    private static Map<String, Object> object(Object v, String field) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return JsValues.immutableJsonObject(m, field);
        }
        throw new IllegalArgumentException(field + " must be an object");
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue());
    }
}
