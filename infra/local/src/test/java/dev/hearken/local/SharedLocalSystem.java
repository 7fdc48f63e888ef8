package dev.hearken.local;

import dev.hearken.testing.RepositoryRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one local system the {@code *IT} classes of this module share. Starting every function of the template takes a
 * minute or more on a small machine, so the first IT that asks starts it and JUnit stops it when the whole run ends.
 * A class {@code @ExtendWith(SharedLocalSystem.class)} takes a {@link Started} as a parameter of its
 * {@code @BeforeAll} method; a class that stops polling the queues starts it again before it ends.
 */
final class SharedLocalSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalSystem.class);

    /** The running system and what it reported while it started (what {@code make run} prints). */
    record Started(LocalSystem system, String report) implements AutoCloseable {

        @Override
        public void close() {
            system.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Started.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives until the end of the run, and closes what it holds then.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, k -> start(), Started.class);
    }

    private static Started start() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try {
            LocalSystem system = LocalSystem.start(RepositoryRoot.get(), new Report(new PrintStream(report, true,
                    StandardCharsets.UTF_8)));
            return new Started(system, report.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
