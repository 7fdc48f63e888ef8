package dev.hearken.experiment.assignment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JavaScript value semantics over plain-Java JSON values, so that conditions and hashing behave as
 * they do in GrowthBook's JS SDK (the reference implementation that {@code cases.json} encodes).
 *
 * <p>JSON values are {@link Map} (object), {@link List} (array), {@link String}, {@link Number}
 * (any subclass, always read as a {@code double} like a JS number), {@link Boolean} and
 * {@code null}. Anything else is treated as an opaque JS object.
 */
final class JsValues {

    /** ECMAScript StrDecimalLiteral (without Infinity), after trimming. */
    private static final Pattern DECIMAL_LITERAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private JsValues() {}

    /** {@code typeof} as GrowthBook's {@code $type} reports it ("array" and "null" included). */
    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "object";
    }

    /** JS truthiness: {@code null, false, 0, NaN, ""} are falsy; arrays and objects are truthy. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }

    /** JS {@code String(v)}: numbers print as JS does (123.0 → "123"), arrays join with commas. */
    static String toJsString(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number n) {
            return numberToString(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object e = list.get(i);
                if (e != null) {
                    sb.append(toJsString(e));
                }
            }
            return sb.toString();
        }
        return "[object Object]";
    }

    /** JS {@code Number(v)} ({@code v * 1}); {@code NaN} when there is no numeric reading. */
    static double toNumber(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return stringToNumber(s);
        }
        if (v instanceof List<?>) {
            return stringToNumber(toJsString(v));
        }
        return Double.NaN;
    }

    /**
     * JS {@code x < y} (the Abstract Relational Comparison): two strings compare by UTF-16 code
     * units, anything else numerically.
     *
     * @return {@code null} for JS {@code undefined} (a NaN was involved), which makes every
     *     relational operator false
     */
    static Boolean lessThan(Object x, Object y) {
        Object px = toPrimitive(x);
        Object py = toPrimitive(y);
        if (px instanceof String sx && py instanceof String sy) {
            return sx.compareTo(sy) < 0;
        }
        double nx = toNumber(px);
        double ny = toNumber(py);
        if (Double.isNaN(nx) || Double.isNaN(ny)) {
            return null;
        }
        return nx < ny;
    }

    /** JS {@code ===}: same type and value; arrays and objects only equal themselves. */
    static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return a == b;
    }

    /** SameValueZero, the equality of {@code Array.prototype.includes}: like {@code ===} but NaN equals NaN. */
    static boolean sameValueZero(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx == dy || (Double.isNaN(dx) && Double.isNaN(dy));
        }
        return strictEquals(a, b);
    }

    /**
     * {@code JSON.stringify(v)} for the structural equality GrowthBook uses on arrays and plain
     * objects: key order follows JS (integer-like keys ascending, then insertion order), and
     * numbers print as JS numbers so 1 and 1.0 compare equal.
     */
    static String jsonStringify(Object v) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, v);
        return sb.toString();
    }

    private static void appendJson(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            appendQuoted(sb, s);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isFinite(d) ? numberToString(d) : "null");
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendJson(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : jsPropertyOrder(map)) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendQuoted(sb, e.getKey());
                sb.append(':');
                appendJson(sb, e.getValue());
            }
            sb.append('}');
        } else {
            sb.append("{}");
        }
    }

    private static List<Map.Entry<String, Object>> jsPropertyOrder(Map<?, ?> map) {
        List<Map.Entry<String, Object>> indices = new ArrayList<>();
        List<Map.Entry<String, Object>> ordered = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            // SimpleImmutableEntry, unlike Map.entry, allows the JSON null value.
            Map.Entry<String, Object> entry = new AbstractMap.SimpleImmutableEntry<>(key, e.getValue());
            (arrayIndex(key) >= 0 ? indices : ordered).add(entry);
        }
        indices.sort(Comparator.comparingLong(e -> arrayIndex(e.getKey())));
        ordered.addAll(0, indices);
        return ordered;
    }

    /** The array index a property key denotes in JS (canonical, below 2^32 − 1), or −1. */
    static long arrayIndex(String key) {
        int len = key.length();
        if (len == 0 || len > 10 || (len > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < len; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < 0xFFFF_FFFFL ? value : -1;
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static Object toPrimitive(Object v) {
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            return toJsString(v);
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return "[object Object]";
    }

    private static double stringToNumber(String raw) {
        String s = jsTrim(raw);
        if (s.isEmpty()) {
            return 0;
        }
        switch (s) {
            case "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> { }
        }
        if (s.length() > 2 && s.charAt(0) == '0') {
            int radix = switch (s.charAt(1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                try {
                    return new BigInteger(s.substring(2), radix).doubleValue();
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        // Double.parseDouble also accepts "NaN", hex floats and 'd'/'f' suffixes; JS does not.
        if (!DECIMAL_LITERAL.matcher(s).matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    private static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJsWhitespace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' '
                || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
    }

    /**
     * ECMAScript {@code Number::toString(10)}. Relies on {@link Double#toString(double)} giving the
     * shortest round-tripping digits, which holds from JDK 19 (JDK-4511638); this module targets 21.
     */
    static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0"; // also for -0, as JS prints it
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e18) {
            return Long.toString((long) d);
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        StringBuilder sb = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
        }
        return sb.toString();
    }

    /**
     * A deep, unmodifiable copy of a JSON value. Collections keep {@code null} elements (which
     * {@link List#copyOf} would reject) because JSON allows them.
     *
     * @throws IllegalArgumentException naming {@code field} when a value is not a JSON value
     */
    static Object immutableJson(Object v, String field) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            if (!Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException(field + " must be a finite number");
            }
            return v;
        }
        if (v instanceof List<?> list) {
            return immutableJsonList(list, field);
        }
        if (v instanceof Map<?, ?> map) {
            return immutableJsonObject(map, field);
        }
        throw new IllegalArgumentException(
                field + " must be a JSON value, not " + v.getClass().getName());
    }

    static List<Object> immutableJsonList(List<?> list, String field) {
        List<Object> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(immutableJson(list.get(i), field + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    static Map<String, Object> immutableJsonObject(Map<?, ?> map, String field) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(field + " must have string keys");
            }
            copy.put(key, immutableJson(e.getValue(), field + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }
}
