package dev.hearken.experiment.assignment;

import dev.hearken.experiment.assignment.AssignmentResult.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment for one user exactly as GrowthBook's JS SDK ({@code runExperiment}) does, so
 * the variation matches what GrowthBook's other SDKs and its results pipeline expect.
 *
 * <p>The order of checks is part of the contract: forcing (query string, then context) comes
 * before the active/draft check, and coverage comes before a forced winner, so a user outside
 * coverage stays out even after a winner is rolled out.
 * <ol>
 *   <li>fewer than two variations; the context is disabled</li>
 *   <li>a query-string override {@code ?<key>=<i>}; then {@link RunContext#forcedVariations()}</li>
 *   <li>{@code status == "draft"} or {@code active == false}</li>
 *   <li>a missing/falsy hash attribute</li>
 *   <li>filters (or, only without filters, the namespace), the condition, prerequisites</li>
 *   <li>the hash and the variation ranges; outside every range = out of coverage</li>
 *   <li>the experiment's {@code force}; then QA mode; then {@code status == "stopped"}</li>
 * </ol>
 *
 * <p><b>Not implemented, on purpose:</b> sticky bucketing (so {@code fallbackAttribute} is never
 * consulted, as in GrowthBook without a sticky-bucket service), tracking callbacks (the caller
 * records exposures for results with {@code hashUsed}), and browser URL targeting, which
 * {@link Experiment#fromMap} rejects.
 *
 * <p>Stateless and thread-safe; allocation per call is a handful of small objects.
 */
public final class ExperimentRunner {

    private static final String DEFAULT_HASH_ATTRIBUTE = "id";

    private ExperimentRunner() {}

    /**
     * Assigns the user described by {@code attributes} to a variation of {@code e}.
     *
     * @param attributes the user's attributes as JSON values; {@code null} means none
     */
    public static AssignmentResult run(Experiment e, Map<String, Object> attributes, RunContext ctx) {
        Map<String, Object> attrs = attributes == null ? Map.of() : attributes;
        String hashAttribute = orDefault(e.hashAttribute());
        Object hashValue = resolveAttribute(attrs, hashAttribute);
        Hashed user = Hashed.of(hashAttribute, hashValue);
        int numVariations = e.variations().size();

        if (numVariations < 2) {
            return notIn(e, user, Reason.TOO_FEW_VARIATIONS);
        }
        if (!ctx.enabled()) {
            return notIn(e, user, Reason.CONTEXT_DISABLED);
        }
        Integer fromQuery = queryStringOverride(e.key(), ctx.url(), numVariations);
        if (fromQuery != null) {
            return forced(e, user, fromQuery, Reason.QUERY_STRING);
        }
        Integer fromContext = ctx.forcedVariations().get(e.key());
        if (fromContext != null) {
            return forced(e, user, fromContext, Reason.FORCED_BY_CONTEXT);
        }
        if ("draft".equals(e.status()) || Boolean.FALSE.equals(e.active())) {
            return notIn(e, user, Reason.INACTIVE);
        }
        if (!JsValues.truthy(hashValue)) {
            return notIn(e, user, Reason.NO_HASH_VALUE);
        }
        if (e.filters() != null) {
            if (isFilteredOut(e.filters(), attrs)) {
                return notIn(e, user, Reason.FILTERED_OUT);
            }
        } else if (e.namespace() != null && !Buckets.inNamespace(user.value(), e.namespace())) {
            return notIn(e, user, Reason.NOT_IN_NAMESPACE);
        }
        if (e.condition() != null && !ConditionEvaluator.evaluate(attrs, e.condition(), ctx.savedGroups())) {
            return notIn(e, user, Reason.CONDITION_FAILED);
        }
        if (e.parentConditions() != null && !prerequisitesPass(e.parentConditions(), attrs, ctx)) {
            return notIn(e, user, Reason.PREREQUISITE_FAILED);
        }

        String seed = e.seed() == null || e.seed().isEmpty() ? e.key() : e.seed();
        int hashVersion = e.hashVersion() == null || e.hashVersion() == 0 ? 1 : e.hashVersion();
        double n = GrowthBookHash.hashOrNaN(seed, user.value(), hashVersion);
        if (Double.isNaN(n)) {
            return notIn(e, user, Reason.UNSUPPORTED_HASH_VERSION);
        }
        List<Range> ranges = e.ranges() != null
                ? e.ranges()
                : Buckets.getBucketRanges(numVariations, e.coverage(), e.weights());
        int assigned = Buckets.chooseVariation(n, ranges);
        if (assigned < 0) {
            return notIn(e, user, Reason.OUT_OF_COVERAGE);
        }
        if (e.force() != null) {
            return forced(e, user, e.force(), Reason.FORCED_WINNER);
        }
        if (ctx.qaMode()) {
            return notIn(e, user, Reason.QA_MODE);
        }
        if ("stopped".equals(e.status())) {
            return notIn(e, user, Reason.STOPPED);
        }
        return result(e, user, assigned, true, n, Reason.ASSIGNED);
    }

    /**
     * GrowthBook's {@code getQueryStringOverride}: the variation that {@code ?<key>=<i>} in
     * {@code url} forces, if {@code 0 <= i < numVariations}. The value is read like JS
     * {@code parseInt} ({@code "1abc"} is 1, {@code "2.5"} is 2).
     *
     * @return the forced index, or {@code null} when the URL forces nothing valid
     */
    public static Integer queryStringOverride(String key, String url, int numVariations) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        // JS url.split("?")[1]: the text between the first and the second '?'.
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int q2 = url.indexOf('?', q + 1);
        String search = url.substring(q + 1, q2 < 0 ? url.length() : q2);
        int anchor = search.indexOf('#');
        if (anchor >= 0) {
            search = search.substring(0, anchor);
        }
        for (String pair : search.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.equals(key)) {
                continue;
            }
            if (eq < 0) {
                return null; // parseInt(undefined) is NaN
            }
            int eq2 = pair.indexOf('=', eq + 1);
            double i = parseInt(pair.substring(eq + 1, eq2 < 0 ? pair.length() : eq2));
            // Only the first occurrence counts, as in the JS SDK.
            return i >= 0 && i < numVariations ? (int) i : null;
        }
        return null;
    }

    /** JS {@code parseInt(s)} with radix 10 (or 16 after {@code 0x}); {@code NaN} when no digits. */
    private static double parseInt(String s) {
        int i = 0;
        int len = s.length();
        while (i < len && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int sign = 1;
        if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            sign = s.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        int radix = 10;
        if (i + 1 < len && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            radix = 16;
            i += 2;
        }
        double value = 0;
        int start = i;
        while (i < len && s.charAt(i) < 128 && Character.digit(s.charAt(i), radix) >= 0) {
            value = value * radix + Character.digit(s.charAt(i), radix);
            i++;
        }
        return i == start ? Double.NaN : sign * value;
    }

    private static boolean isFilteredOut(List<Filter> filters, Map<String, Object> attrs) {
        for (Filter f : filters) {
            Object value = resolveAttribute(attrs, orDefault(f.attribute()));
            if (!JsValues.truthy(value)) {
                return true;
            }
            int version = f.hashVersion() == null || f.hashVersion() == 0 ? 2 : f.hashVersion();
            double n = GrowthBookHash.hashOrNaN(f.seed(), JsValues.toJsString(value), version);
            if (Double.isNaN(n) || Buckets.chooseVariation(n, f.ranges()) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean prerequisitesPass(
            List<ParentCondition> parents, Map<String, Object> attrs, RunContext ctx) {
        for (ParentCondition parent : parents) {
            Map<String, Object> evaluated = new HashMap<>(2);
            evaluated.put("value", ctx.prerequisites().featureValue(parent.id(), attrs));
            if (!ConditionEvaluator.evaluate(evaluated, parent.condition(), ctx.savedGroups())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The attribute by its literal key first (so a key containing a dot still works), then as a
     * dotted path into nested attributes, as the JS SDK resolves hash attributes.
     */
    private static Object resolveAttribute(Map<String, Object> attrs, String name) {
        if (attrs.containsKey(name)) {
            return attrs.get(name);
        }
        return name.indexOf('.') < 0 ? null : ConditionEvaluator.getPath(attrs, name);
    }

    private static String orDefault(String attribute) {
        return attribute == null || attribute.isEmpty() ? DEFAULT_HASH_ATTRIBUTE : attribute;
    }

    private static AssignmentResult forced(Experiment e, Hashed user, int variation, Reason reason) {
        if (variation < 0 || variation >= e.variations().size()) {
            return notIn(e, user, Reason.INVALID_FORCED_VARIATION);
        }
        return result(e, user, variation, false, null, reason);
    }

    private static AssignmentResult notIn(Experiment e, Hashed user, Reason reason) {
        return new AssignmentResult(
                false, false, 0, e.variations().isEmpty() ? null : e.variations().get(0),
                variationKey(e, 0), null, user.attribute(), user.value(), reason, false);
    }

    private static AssignmentResult result(
            Experiment e, Hashed user, int variation, boolean hashUsed, Double bucket, Reason reason) {
        VariationMeta meta = e.meta() != null && variation < e.meta().size() ? e.meta().get(variation) : null;
        return new AssignmentResult(
                true, hashUsed, variation, e.variations().get(variation), variationKey(e, variation),
                bucket, user.attribute(), user.value(), reason, meta != null && meta.passthrough());
    }

    private static String variationKey(Experiment e, int variation) {
        if (e.meta() != null && variation < e.meta().size()) {
            String key = e.meta().get(variation).key();
            if (key != null && !key.isEmpty()) {
                return key;
            }
        }
        return Integer.toString(variation);
    }

    /** The hash attribute's name and its value as the string that gets hashed. */
    private record Hashed(String attribute, String value) {
        static Hashed of(String attribute, Object raw) {
            return new Hashed(attribute, raw == null ? "" : JsValues.toJsString(raw));
        }
    }
}
