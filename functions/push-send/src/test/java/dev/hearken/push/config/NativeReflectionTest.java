package dev.hearken.push.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
import dev.hearken.push.aws.SesFeedbackJson;
import dev.hearken.push.function.CampaignEvent;
import dev.hearken.push.function.UnsubscribeHttp;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jackson finds a record's constructor and accessors by reflection, which a native image keeps only for
 * registered types. JSON-bound records here: what the {@code @Funq} methods take and return, records that carry
 * a Jackson annotation, and records declared in a class that uses an {@link ObjectMapper} — each with the
 * records its components reach (lists, maps and nested records included).
 */
class NativeReflectionTest {

    private static final JavaClasses PUSH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hearken.push");

    @Test
    void every_json_bound_record_is_registered_for_reflection() {
        Set<Class<?>> registered = Set.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());

        assertThat(registered).containsAll(jsonBound());
    }

    @Test
    void the_search_reaches_handler_inputs_their_nested_records_and_the_adapters_bodies() {
        assertThat(jsonBound()).contains(CampaignEvent.class, CampaignEvent.Detail.class, SesFeedbackJson.Recipient.class,
                EventBridgeCampaignContinuation.Detail.class, UnsubscribeHttp.UnsubscribedBody.class);
    }

    private static Set<Class<?>> jsonBound() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (JavaClass type : PUSH) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (method.isAnnotationPresent(Funq.class)) {
                    walk(method.getGenericReturnType(), found);
                    Arrays.stream(method.getGenericParameterTypes()).forEach(t -> walk(t, found));
                }
            }
            if (type.isRecord() && !type.getPackageName().startsWith("dev.hearken.push.provider")
                    && (jacksonAnnotated(type) || declaredInAJsonAdapter(type))) {
                walk(type.reflect(), found);
            }
        }
        return found;
    }

    private static boolean jacksonAnnotated(JavaClass type) {
        return type.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getPackageName().startsWith("com.fasterxml.jackson"));
    }

    private static boolean declaredInAJsonAdapter(JavaClass type) {
        return type.getEnclosingClass()
                .map(outer -> outer.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().isEquivalentTo(ObjectMapper.class)))
                .orElse(false);
    }

    /** Adds every record of ours {@code type} names, and what their components name, recursively. */
    private static void walk(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            walk(parameterized.getRawType(), found);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(t -> walk(t, found));
        } else if (type instanceof Class<?> c && c.isRecord() && c.getName().startsWith("dev.hearken.")
                && found.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                walk(component.getGenericType(), found);
            }
        }
    }
}
