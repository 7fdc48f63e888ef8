package dev.hearken.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING.md's rule "no two main classes in different modules share a simple name": a newcomer who opens
 * {@code ZendeskTicketDesk} must not have to ask which of two. Reads the source tree, not the class path, so it
 * covers every module whichever of them this module depends on.
 */
class OneNamePerClassTest {

    /** Names every module may have once each: they are about their own module, never imported across. */
    private static final List<String> PER_MODULE = List.of("package-info.java");

    @Test
    void no_two_modules_have_a_main_class_of_the_same_simple_name() throws IOException {
        Map<String, TreeSet<String>> modulesByName = new TreeMap<>();
        for (Path sources : mainSourceRoots()) {
            String module = RepositoryRoot.get().relativize(sources).getName(1).toString();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .map(f -> f.getFileName().toString())
                        .filter(name -> !PER_MODULE.contains(name))
                        .forEach(name -> modulesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(module));
            }
        }

        Map<String, TreeSet<String>> shared = modulesByName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(modulesByName).as("main classes found").hasSizeGreaterThan(300);
        assertThat(shared).as("simple names used by more than one module").isEmpty();
    }

    private static List<Path> mainSourceRoots() throws IOException {
        Path root = RepositoryRoot.get();
        try (Stream<Path> modules = Stream.concat(Files.list(root.resolve("functions")), Files.list(root.resolve("infra")))) {
            return modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }
    }
}
