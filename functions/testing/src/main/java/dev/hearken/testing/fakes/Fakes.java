package dev.hearken.testing.fakes;

import dev.hearken.testing.fakes.apns.ApnsFake;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.fcm.FcmFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import dev.hearken.testing.fakes.zendesk.ZendeskFake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every SaaS fake the project has. The local runtime starts all of them and gives every function
 * their {@link HttpFake#functionEnvironment()}; tests start the ones they need directly.
 *
 * <p>To add a fake: implement {@link HttpFake} following the contract in {@code shared/contracts/},
 * and add its constructor to {@link #FACTORIES}.
 */
public final class Fakes implements AutoCloseable {

    /** One entry per fake, e.g. {@code ZendeskFake::new}. */
    private static final List<Supplier<HttpFake>> FACTORIES = List.of(
            ZendeskFake::new,
            AppStoreConnectFake::new,
            GooglePlayFake::new,
            FcmFake::new,
            ApnsFake::new
    );

    private final List<HttpFake> running;

    private Fakes(List<HttpFake> running) {
        this.running = running;
    }

    /** Starts every fake on its own free port. */
    public static Fakes startAll() {
        List<HttpFake> started = new ArrayList<>();
        for (Supplier<HttpFake> factory : FACTORIES) {
            started.add(factory.get());
        }
        return new Fakes(started);
    }

    public List<HttpFake> all() {
        return List.copyOf(running);
    }

    /** The fake with this {@link HttpFake#name()}, or {@code null}. */
    public HttpFake byName(String name) {
        return running.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The union of every fake's function environment. */
    public Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        running.forEach(f -> env.putAll(f.functionEnvironment()));
        return env;
    }

    @Override
    public void close() {
        running.forEach(HttpFake::close);
    }
}
