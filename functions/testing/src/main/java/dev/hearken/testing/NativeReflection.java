package dev.hearken.testing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
 * {@code @RegisterForReflection(targets = …)} does not list (a type that carries {@code @RegisterForReflection}
 * itself is registered too). Enums are not required: Jackson reads their constants without reflection on members.
 *
 * <p>Roots can be named, or found: {@link #funqTypes} (what the {@code @Funq} methods of a package take and
 * return), {@link #recordsIn} (the records of a package whose top-level class name matches), {@link #methodTypes}
 * (what a REST client interface sends and receives). Found roots come in a fixed order, so a failure reads the same
 * on every run; the search reads main classes only (never {@code test-classes}).
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
    public static void assertRegistered(Class<?> registrationClass, Type... rootTypes) {
        assertRegistered(List.of(registrationClass), rootTypes);
    }

    /**
     * As {@link #assertRegistered(Class, Type...)}, for a module whose registrations are split over several classes
     * (one per package, say): a type counts as registered when any of them lists it.
     *
     * @throws AssertionError naming the unregistered types, or a registration class without the annotation; also
     *                        when there are no roots, since a check of nothing passes whatever is registered
     */
    public static void assertRegistered(Collection<Class<?>> registrationClasses, Type... rootTypes) {
        if (rootTypes.length == 0) {
            throw new AssertionError("no root types to check: the search for them found nothing");
        }
        Set<Class<?>> registered = new HashSet<>();
        for (Class<?> registrationClass : registrationClasses) {
            RegisterForReflection annotation = registrationClass.getAnnotation(RegisterForReflection.class);
            if (annotation == null) {
                throw new AssertionError(registrationClass.getName() + " has no @RegisterForReflection");
            }
            registered.addAll(annotation.targets().length == 0 ? List.of(registrationClass)
                    : List.of(annotation.targets()));
        }
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : reachable(rootTypes)) {
            if (!registered.contains(type) && !type.isAnnotationPresent(RegisterForReflection.class)) {
                missing.add(type.getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("not registered for reflection (add to @RegisterForReflection(targets = …) of "
                    + registrationClasses.stream().map(Class::getName).toList()
                    + ", or annotate the type itself): " + missing);
        }
    }

    /**
     * What the {@code @Funq} methods of the main classes in {@code packageName} (and below) take and return, in
     * the order of class and method names.
     */
    public static Type[] funqTypes(String packageName) {
        List<Type> types = new ArrayList<>();
        for (Class<?> c : classesIn(packageName)) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> Arrays.stream(m.getAnnotations())
                            .anyMatch(a -> a.annotationType().getName().equals("io.quarkus.funqy.Funq")))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(m -> {
                        types.addAll(List.of(m.getGenericParameterTypes()));
                        types.add(m.getGenericReturnType());
                    });
        }
        return types.toArray(Type[]::new);
    }

    /** The records (top-level or nested) of {@code packageName} and below whose top-level class's simple name matches. */
    public static Class<?>[] recordsIn(String packageName, String topLevelNames) {
        return classesIn(packageName).stream().filter(Class::isRecord)
                .filter(c -> topLevel(c).getSimpleName().matches(topLevelNames))
                .toArray(Class<?>[]::new);
    }

    /** What the methods of {@code type} (a REST client interface) take and return, in method-name order. */
    public static Type[] methodTypes(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).sorted(Comparator.comparing(Method::toGenericString))
                .flatMap(m -> Stream.concat(Arrays.stream(m.getGenericParameterTypes()),
                        Stream.of(m.getGenericReturnType())))
                .toArray(Type[]::new);
    }

    /** The project types (records, classes, sealed hierarchies; not enums) reachable from {@code rootTypes}. */
    public static Set<Class<?>> reachable(Type... rootTypes) {
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

    private static Class<?> topLevel(Class<?> c) {
        Class<?> outer = c;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    /** The named classes of {@code packageName} and below on the class path, main classes only, sorted by name. */
    private static List<Class<?>> classesIn(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String path = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getPath().contains("/test-classes/")) {
                    continue;
                }
                if (root.getProtocol().equals("jar")) {
                    JarURLConnection jar = (JarURLConnection) root.openConnection();
                    jar.getJarFile().stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                } else {
                    Path dir = Path.of(root.toURI());
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.map(f -> dir.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                                .filter(n -> n.endsWith(".class"))
                                .forEach(n -> names.add(packageName + "." + n.substring(0, n.length() - 6)
                                        .replace('/', '.')));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("package-info") || name.matches(".*\\$\\d.*")) {
                continue;
            }
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        return classes;
    }

    private static List<Type> members(Class<?> c) {
        if (c.isRecord()) {
            return Arrays.stream(c.getRecordComponents()).map(RecordComponent::getGenericType).toList();
        }
        return Arrays.stream(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getGenericType).toList();
    }
}
