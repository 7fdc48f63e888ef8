package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what {@code String(x)} / {@code JSON.stringify(x)} print in JavaScript. */
class JsValuesTest {

    @Test
    void numbersPrintAsJavaScriptPrintsThem() {
        assertThat(JsValues.toJsString(123.0)).isEqualTo("123");
        assertThat(JsValues.toJsString(123)).isEqualTo("123");
        assertThat(JsValues.toJsString(1.5f)).isEqualTo("1.5");
        assertThat(JsValues.toJsString(new BigDecimal("0.10"))).isEqualTo("0.1");
        assertThat(JsValues.toJsString(-0.0)).isEqualTo("0");
        assertThat(JsValues.toJsString(0.000001)).isEqualTo("0.000001");
        assertThat(JsValues.toJsString(1e-7)).isEqualTo("1e-7");
        assertThat(JsValues.toJsString(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(JsValues.toJsString(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(JsValues.toJsString(1e21)).isEqualTo("1e+21");
        assertThat(JsValues.toJsString(1.2345e22)).isEqualTo("1.2345e+22");
        assertThat(JsValues.toJsString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void arraysAndObjectsPrintAsJavaScriptCoercesThem() {
        assertThat(JsValues.toJsString(Arrays.asList(1, null, "a"))).isEqualTo("1,,a");
        assertThat(JsValues.toJsString(Map.of())).isEqualTo("[object Object]");
    }

    @Test
    void stringsConvertToNumbersOnlyWhenJavaScriptWould() {
        assertThat(JsValues.toNumber(" 8 ")).isEqualTo(8);
        assertThat(JsValues.toNumber("")).isZero();
        assertThat(JsValues.toNumber("0x1A")).isEqualTo(26);
        assertThat(JsValues.toNumber("1e3")).isEqualTo(1000);
        assertThat(JsValues.toNumber("NaN")).isNaN();
        assertThat(JsValues.toNumber("1d")).isNaN();
        assertThat(JsValues.toNumber(List.of(5))).isEqualTo(5);
    }

    @Test
    void jsonFormPutsIntegerKeysFirstAndIgnoresTheNumberType() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1.0);
        object.put("2", null);
        object.put("1", List.of(2L));

        assertThat(JsValues.jsonStringify(object)).isEqualTo("{\"1\":[2],\"2\":null,\"b\":1}");
    }
}
