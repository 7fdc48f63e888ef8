package dev.hearken.experiment.assign.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearken.experiment.assign.config.ApiReflection;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A native image only lets Jackson read and write registered classes, and the JVM tests never
 * notice a missing one. So: every wire record of the api package (a {@code …Request},
 * {@code …Response} or {@code …Message} and the records nested in them), and every record their
 * components reach, is listed in {@link ApiReflection}.
 */
class ApiReflectionTest {

    @Test
    void every_api_record_and_every_record_it_reaches_is_registered_for_reflection() {
        Set<Class<?>> registered = Set.of(ApiReflection.class.getAnnotation(RegisterForReflection.class).targets());

        Set<String> reachable = reachableRecords();

        assertThat(reachable).contains(AssignmentRequest.class.getName(), ResultsResponse.Arm.class.getName(),
                OutcomeEventMessage.class.getName());
        assertThat(registered.stream().map(Class::getName).collect(Collectors.toSet()))
                .as("records to add to ApiReflection's targets").containsAll(reachable);
    }

    private static Set<String> reachableRecords() {
        Deque<Type> todo = new ArrayDeque<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ApiReflectionTest.class.getPackageName())) {
            String topLevel = c.getName().replaceAll("\\$.*", "");
            if (c.isRecord() && topLevel.matches(".*(Request|Response|Message)")) {
                todo.add(c.reflect());
            }
        }
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.addAll(Arrays.asList(p.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.isRecord() && seen.add(c.getName())) {
                for (RecordComponent component : c.getRecordComponents()) {
                    todo.add(component.getGenericType());
                }
            }
        }
        return seen;
    }
}
