package dev.hearken.experiment.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GrowthBook's targeting-condition language (a MongoDB-style query over user attributes), with the
 * JavaScript SDK's semantics, which is what {@code cases.json} specifies.
 *
 * <p>Supported: {@code $and $or $nor $not}, {@code $eq $ne $gt $gte $lt $lte}, {@code $in $nin
 * $ini $nini $all $alli $elemMatch $size $exists $type}, {@code $regex $regexi}, the version
 * comparisons {@code $veq $vne $vgt $vgte $vlt $vlte} and the saved-group operators
 * {@code $inGroup $notInGroup}. Paths are dotted ({@code "father.age"}); a missing path reads as
 * {@code null}. An unknown operator makes the condition false.
 *
 * <p>Trade-offs, kept on purpose for parity with the JS SDK: comparisons coerce like JS
 * ({@code "8" > 5} is true, a missing attribute compares as 0), a string condition matches the
 * attribute's JS string form (a missing attribute is {@code "null"}), and arrays/objects compare
 * by their JSON form. Regular expressions use {@link java.util.regex} rather than the ECMAScript
 * dialect; the common syntax is shared, but edge cases differ (Java's {@code $} also matches
 * before a final line break, for one). An invalid pattern makes the condition false rather than
 * throwing. Compiled patterns are cached (bounded), since conditions are evaluated on every
 * assignment.
 */
public final class ConditionEvaluator {

    private static final int REGEX_CACHE_LIMIT = 512;

    // Optional.empty() caches "does not compile" so a bad pattern is not recompiled on every call.
    private static final Map<String, Optional<Pattern>> REGEX_CACHE = new ConcurrentHashMap<>();

    /** The operators {@link #evaluate} knows on an attribute; any other makes a condition false. */
    public static final Set<String> OPERATORS = Set.of("$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte", "$eq",
            "$ne", "$lt", "$gt", "$lte", "$gte", "$exists", "$in", "$ini", "$nin", "$nini", "$inGroup",
            "$notInGroup", "$not", "$size", "$elemMatch", "$all", "$alli", "$regex", "$regexi", "$type");

    private static final Set<String> LIST_OPERANDS = Set.of("$in", "$ini", "$nin", "$nini", "$all", "$alli");
    private static final Set<String> STRING_OPERANDS = Set.of("$veq", "$vne", "$vgt", "$vgte", "$vlt", "$vlte",
            "$inGroup", "$notInGroup");
    private static final Set<String> TYPES = Set.of("string", "number", "boolean", "array", "object", "null",
            "undefined");

    private ConditionEvaluator() {}

    /**
     * Refuses a condition that {@link #evaluate} would read as something its author cannot have meant: an unknown
     * operator or logical key ({@code $inn}, {@code $xor}), an operand of the wrong type ({@code $in} without a
     * list, {@code $exists} without a boolean, a {@code $regex} that does not compile, a {@code $type} no value
     * has). {@code evaluate} itself stays lenient, as GrowthBook's SDKs are (such a condition is simply false for
     * everyone); this is for the places a person writes conditions, so that a typo is refused rather than shipped.
     *
     * @param condition a GrowthBook condition (plain Java JSON values); {@code null} is valid (no targeting)
     * @param field     the condition's name in messages, e.g. {@code definition.condition}
     * @throws IllegalArgumentException whose message starts with the path at fault,
     *                                  e.g. {@code definition.condition.$or[1].country.$inn}
     */
    public static void validate(Map<String, Object> condition, String field) {
        if (condition != null) {
            checkCondition(condition, field);
        }
    }

    private static void checkCondition(Object condition, String field) {
        if (!(condition instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(field + " must be an object");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String path = field + "." + key;
            switch (key) {
                case "$or", "$nor", "$and" -> {
                    if (!(e.getValue() instanceof List<?> list)) {
                        throw new IllegalArgumentException(path + " must be a list of conditions");
                    }
                    for (int i = 0; i < list.size(); i++) {
                        checkCondition(list.get(i), path + "[" + i + "]");
                    }
                }
                case "$not" -> checkCondition(e.getValue(), path);
                default -> {
                    if (key.startsWith("$")) {
                        throw new IllegalArgumentException(path + " is not a logical operator ($and, $or, $nor, "
                                + "$not); attribute names cannot start with $");
                    }
                    checkValue(e.getValue(), path);
                }
            }
        }
    }

    /** A condition on one value: a literal (compared as such) or an object of operators. */
    private static void checkValue(Object condition, String field) {
        if (!isOperatorObject(condition)) {
            return;
        }
        for (Map.Entry<?, ?> op : ((Map<?, ?>) condition).entrySet()) {
            String operator = (String) op.getKey();
            Object operand = op.getValue();
            String path = field + "." + operator;
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException(path + " is not a GrowthBook operator");
            }
            if (LIST_OPERANDS.contains(operator) && !(operand instanceof List<?>)) {
                throw new IllegalArgumentException(path + " must be a list");
            }
            if (STRING_OPERANDS.contains(operator) && !(operand instanceof String)) {
                throw new IllegalArgumentException(path + " must be a string");
            }
            switch (operator) {
                case "$exists" -> {
                    if (!(operand instanceof Boolean)) {
                        throw new IllegalArgumentException(path + " must be true or false");
                    }
                }
                case "$type" -> {
                    if (!(operand instanceof String type && TYPES.contains(type))) {
                        throw new IllegalArgumentException(path + " must be one of " + new TreeSet<>(TYPES));
                    }
                }
                case "$regex", "$regexi" -> {
                    if (!(operand instanceof String pattern) || compile(pattern, false).isEmpty()) {
                        throw new IllegalArgumentException(path + " must be a valid regular expression");
                    }
                }
                case "$not", "$size" -> checkValue(operand, path);
                case "$elemMatch" -> {
                    if (isOperatorObject(operand)) {
                        checkValue(operand, path);
                    } else {
                        checkCondition(operand, path);
                    }
                }
                default -> { } // any value compares
            }
        }
    }

    /**
     * Whether {@code attributes} satisfy {@code condition}.
     *
     * @param attributes  the user's attributes (JSON values); {@code null} means none
     * @param condition   a GrowthBook condition; {@code null} or empty always passes
     * @param savedGroups saved-group id → members, for {@code $inGroup}/{@code $notInGroup};
     *                    {@code null} means none
     */
    public static boolean evaluate(
            Map<String, Object> attributes,
            Map<String, Object> condition,
            Map<String, List<Object>> savedGroups) {
        if (condition == null) {
            return true;
        }
        return evalCondition(
                attributes == null ? Map.of() : attributes,
                condition,
                savedGroups == null ? Map.of() : savedGroups);
    }

    private static boolean evalCondition(Object obj, Object condition, Map<String, List<Object>> groups) {
        // JS iterates Object.entries(condition); a non-object condition has no entries.
        if (!(condition instanceof Map<?, ?> map)) {
            return true;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            boolean passed = switch (key) {
                case "$or" -> evalOr(obj, value, groups);
                case "$nor" -> !evalOr(obj, value, groups);
                case "$and" -> evalAnd(obj, value, groups);
                case "$not" -> !evalCondition(obj, value, groups);
                default -> evalConditionValue(value, getPath(obj, key), groups, false);
            };
            if (!passed) {
                return false;
            }
        }
        return true;
    }

    private static boolean evalOr(Object obj, Object conditions, Map<String, List<Object>> groups) {
        if (!(conditions instanceof List<?> list) || list.isEmpty()) {
            return true;
        }
        for (Object c : list) {
            if (evalCondition(obj, c, groups)) {
                return true;
            }
        }
        return false;
    }

    private static boolean evalAnd(Object obj, Object conditions, Map<String, List<Object>> groups) {
        if (!(conditions instanceof List<?> list)) {
            return true;
        }
        for (Object c : list) {
            if (!evalCondition(obj, c, groups)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value at a dotted path, or {@code null} when any step is missing. Like JS, a step into
     * an array may be an index or {@code length}.
     */
    static Object getPath(Object obj, String path) {
        Object current = obj;
        int from = 0;
        while (true) {
            int dot = path.indexOf('.', from);
            String part = dot < 0 ? path.substring(from) : path.substring(from, dot);
            if (current instanceof Map<?, ?> m && m.containsKey(part)) {
                current = m.get(part);
            } else if (current instanceof List<?> list) {
                long index = JsValues.arrayIndex(part);
                if (index >= 0 && index < list.size()) {
                    current = list.get((int) index);
                } else if (part.equals("length")) {
                    current = list.size();
                } else {
                    return null;
                }
            } else {
                return null;
            }
            if (dot < 0) {
                return current;
            }
            from = dot + 1;
        }
    }

    private static boolean evalConditionValue(
            Object condition, Object value, Map<String, List<Object>> groups, boolean insensitive) {
        if (condition instanceof String s) {
            if (insensitive) {
                return JsValues.toJsString(value).toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT));
            }
            return JsValues.toJsString(value).equals(s);
        }
        if (condition instanceof Number n) {
            return JsValues.toNumber(value) == n.doubleValue();
        }
        if (condition instanceof Boolean b) {
            return value != null && JsValues.truthy(value) == b;
        }
        if (condition == null) {
            return value == null;
        }
        if (!(condition instanceof Map<?, ?> ops) || !isOperatorObject(ops)) {
            return JsValues.jsonStringify(value).equals(JsValues.jsonStringify(condition));
        }
        for (Map.Entry<?, ?> op : ops.entrySet()) {
            if (!evalOperator((String) op.getKey(), value, op.getValue(), groups)) {
                return false;
            }
        }
        return true;
    }

    /** An object whose keys all start with {@code $} (and there is at least one). */
    private static boolean isOperatorObject(Object obj) {
        if (!(obj instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String s) || s.isEmpty() || s.charAt(0) != '$') {
                return false;
            }
        }
        return true;
    }

    private static boolean evalOperator(
            String operator, Object actual, Object expected, Map<String, List<Object>> groups) {
        return switch (operator) {
            case "$veq" -> paddedVersion(actual).equals(paddedVersion(expected));
            case "$vne" -> !paddedVersion(actual).equals(paddedVersion(expected));
            case "$vgt" -> paddedVersion(actual).compareTo(paddedVersion(expected)) > 0;
            case "$vgte" -> paddedVersion(actual).compareTo(paddedVersion(expected)) >= 0;
            case "$vlt" -> paddedVersion(actual).compareTo(paddedVersion(expected)) < 0;
            case "$vlte" -> paddedVersion(actual).compareTo(paddedVersion(expected)) <= 0;
            case "$eq" -> JsValues.strictEquals(actual, expected);
            case "$ne" -> !JsValues.strictEquals(actual, expected);
            case "$lt" -> Boolean.TRUE.equals(JsValues.lessThan(actual, expected));
            case "$gt" -> Boolean.TRUE.equals(JsValues.lessThan(expected, actual));
            // JS a <= b is "not (b < a)", except that an undefined comparison (NaN) is false.
            case "$lte" -> Boolean.FALSE.equals(JsValues.lessThan(expected, actual));
            case "$gte" -> Boolean.FALSE.equals(JsValues.lessThan(actual, expected));
            case "$exists" -> JsValues.truthy(expected) ? actual != null : actual == null;
            case "$in" -> expected instanceof List<?> list && isIn(actual, list, false);
            case "$ini" -> expected instanceof List<?> list && isIn(actual, list, true);
            case "$nin" -> expected instanceof List<?> list && !isIn(actual, list, false);
            case "$nini" -> expected instanceof List<?> list && !isIn(actual, list, true);
            case "$inGroup" -> isIn(actual, savedGroup(groups, expected), false);
            case "$notInGroup" -> !isIn(actual, savedGroup(groups, expected), false);
            case "$not" -> !evalConditionValue(expected, actual, groups, false);
            case "$size" -> actual instanceof List<?> list
                    && evalConditionValue(expected, list.size(), groups, false);
            case "$elemMatch" -> elemMatch(actual, expected, groups);
            case "$all" -> expected instanceof List<?> list && isInAll(actual, list, groups, false);
            case "$alli" -> expected instanceof List<?> list && isInAll(actual, list, groups, true);
            case "$regex" -> regexMatches(expected, actual, false);
            case "$regexi" -> regexMatches(expected, actual, true);
            case "$type" -> JsValues.typeOf(actual).equals(expected);
            default -> false; // unknown operator: fail closed, as GrowthBook does
        };
    }

    private static List<?> savedGroup(Map<String, List<Object>> groups, Object id) {
        List<Object> members = groups.get(JsValues.toJsString(id));
        return members == null ? List.of() : members;
    }

    /** Membership; an array attribute matches when any of its elements is a member. */
    private static boolean isIn(Object actual, List<?> expected, boolean insensitive) {
        if (actual instanceof List<?> elements) {
            for (Object element : elements) {
                if (contains(expected, element, insensitive)) {
                    return true;
                }
            }
            return false;
        }
        return contains(expected, actual, insensitive);
    }

    private static boolean contains(List<?> expected, Object actual, boolean insensitive) {
        if (insensitive) {
            Object folded = caseFold(actual);
            for (Object e : expected) {
                if (JsValues.strictEquals(folded, caseFold(e))) {
                    return true;
                }
            }
            return false;
        }
        for (Object e : expected) {
            if (JsValues.sameValueZero(e, actual)) { // Array.prototype.includes
                return true;
            }
        }
        return false;
    }

    private static Object caseFold(Object v) {
        return v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
    }

    private static boolean isInAll(
            Object actual, List<?> expected, Map<String, List<Object>> groups, boolean insensitive) {
        if (!(actual instanceof List<?> elements)) {
            return false;
        }
        for (Object wanted : expected) {
            boolean found = false;
            for (Object element : elements) {
                if (evalConditionValue(wanted, element, groups, insensitive)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean elemMatch(Object actual, Object expected, Map<String, List<Object>> groups) {
        if (!(actual instanceof List<?> elements)) {
            return false;
        }
        boolean operators = isOperatorObject(expected);
        for (Object element : elements) {
            if (!JsValues.truthy(element)) {
                continue; // the JS SDK skips falsy elements
            }
            boolean matched = operators
                    ? evalConditionValue(expected, element, groups, false)
                    : evalCondition(element, expected, groups);
            if (matched) {
                return true;
            }
        }
        return false;
    }

    private static boolean regexMatches(Object pattern, Object actual, boolean insensitive) {
        if (!(pattern instanceof String source)) {
            return false;
        }
        Optional<Pattern> compiled = compile(source, insensitive);
        return compiled.isPresent() && compiled.get().matcher(JsValues.toJsString(actual)).find();
    }

    private static Optional<Pattern> compile(String source, boolean insensitive) {
        String cacheKey = (insensitive ? "i/" : "s/") + source;
        Optional<Pattern> cached = REGEX_CACHE.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Optional<Pattern> compiled;
        try {
            int flags = insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            compiled = Optional.of(Pattern.compile(source, flags));
        } catch (PatternSyntaxException e) {
            compiled = Optional.empty(); // GrowthBook: an invalid pattern fails the condition
        }
        if (REGEX_CACHE.size() >= REGEX_CACHE_LIMIT) {
            // Patterns come from a few hundred experiment definitions; dropping everything on the
            // rare overflow is simpler than LRU bookkeeping on every lookup and bounds memory.
            REGEX_CACHE.clear();
        }
        REGEX_CACHE.put(cacheKey, compiled);
        return compiled;
    }

    /**
     * GrowthBook's sortable form of a version string: strip a leading {@code v} and any
     * {@code +build}, split on {@code .} and {@code -}, append {@code ~} to a plain
     * {@code x.y.z} (so a release sorts after its pre-releases), left-pad numeric parts to five
     * characters, and join with {@code -}. Non-strings and empty strings read as {@code "0"}.
     */
    static String paddedVersion(Object input) {
        String s;
        if (input instanceof Number) {
            s = JsValues.toJsString(input);
        } else if (input instanceof String str && !str.isEmpty()) {
            s = str;
        } else {
            s = "0";
        }
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        int build = s.indexOf('+');
        if (build >= 0) {
            s = s.substring(0, build);
        }
        List<String> parts = new ArrayList<>(6);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-') {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        if (parts.size() == 3) {
            parts.add("~"); // '~' sorts after every other printable ASCII character
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('-');
            }
            String part = parts.get(i);
            if (isDigits(part) && part.length() < 5) {
                sb.append(" ".repeat(5 - part.length()));
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
