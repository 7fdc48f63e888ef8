package dev.hearken.testing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that every project type Jackson reads or writes by reflection is registered for the native image. In
 * JVM mode a forgotten {@code @RegisterForReflection} costs nothing, so only a native build (or production) would
 * notice; this makes a plain unit test fail instead.
 *
 * <pre>{@code
 * @Test
 * void every_type_jackson_binds_is_registered_for_the_native_image() {
 *     NativeReflection.assertRegistered(HandlerReflection.class, AppFollowDelivery.class, ImpactView.class);
 * }
 * }</pre>
 *
 * <p>From the root types it walks record components, non-static fields of ordinary classes, generic arguments
 * ({@code List<Item>}, {@code Map<String, Bucket>}, {@code Optional<X>}), arrays and the permitted subtypes of
 * sealed types, and fails naming every {@code dev.hearken} type reached that the registration class's
 * {@code @RegisterForReflection(targets = …)} does not list. Enums are not required: Jackson reads their constants
 * without reflection on members.
 */
public final class NativeReflection {

    private static final String PROJECT = "dev.hearken.";

    private NativeReflection() {}

    /**
     * @param registrationClass the class carrying {@code @RegisterForReflection(targets = …)} (without targets, it
     *                          registers itself)
     * @param rootTypes         the types Jackson binds directly (request bodies, queue messages, responses)
     * @throws AssertionError naming the unregistered types
     */
    public static void assertRegistered(Class<?> registrationClass, Class<?>... rootTypes) {
        RegisterForReflection annotation = registrationClass.getAnnotation(RegisterForReflection.class);
        if (annotation == null) {
            throw new AssertionError(registrationClass.getName() + " has no @RegisterForReflection");
        }
        Set<Class<?>> registered = annotation.targets().length == 0
                ? Set.of(registrationClass) : Set.of(annotation.targets());
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : reachable(rootTypes)) {
            if (!registered.contains(type)) {
                missing.add(type.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("not registered for reflection in " + registrationClass.getName()
                    + " (add to @RegisterForReflection(targets = …)): " + missing);
        }
    }

    /** The project types (records, classes, sealed hierarchies; not enums) reachable from {@code rootTypes}. */
    public static Set<Class<?>> reachable(Class<?>... rootTypes) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Set<Class<?>> project = new LinkedHashSet<>();
        Deque<Type> work = new ArrayDeque<>(Arrays.asList(rootTypes));
        while (!work.isEmpty()) {
            Type next = work.pop();
            switch (next) {
                case Class<?> c when c.isArray() -> work.push(c.getComponentType());
                case Class<?> c -> {
                    if (c.isPrimitive() || !seen.add(c) || !c.getName().startsWith(PROJECT)) {
                        continue;
                    }
                    if (c.isEnum()) {
                        continue;
                    }
                    if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                        project.add(c);
                    }
                    work.addAll(members(c));
                    if (c.isSealed()) {
                        work.addAll(List.of(c.getPermittedSubclasses()));
                    }
                }
                case ParameterizedType p -> {
                    work.push(p.getRawType());
                    work.addAll(List.of(p.getActualTypeArguments()));
                }
                case GenericArrayType g -> work.push(g.getGenericComponentType());
                case WildcardType w -> work.addAll(List.of(w.getUpperBounds()));
                case TypeVariable<?> v -> work.addAll(List.of(v.getBounds()));
                default -> { }
            }
        }
        return project;
    }

    private static List<Type> members(Class<?> c) {
        if (c.isRecord()) {
            return Arrays.stream(c.getRecordComponents()).map(RecordComponent::getGenericType).toList();
        }
        return Arrays.stream(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getGenericType).toList();
    }
}
