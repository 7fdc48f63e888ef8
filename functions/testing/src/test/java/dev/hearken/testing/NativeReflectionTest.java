package dev.hearken.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeReflectionTest {

    enum Colour { RED }

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    record Line(String sku, Colour colour) {}

    record Order(List<Line> lines, Map<String, Optional<Shape>> shapes, Line[] extra) {}

    @RegisterForReflection(targets = {Order.class, Line.class, Circle.class, Square.class})
    static final class Complete {}

    @RegisterForReflection(targets = {Order.class, Circle.class})
    static final class Incomplete {}

    static final class NotAnnotated {}

    @RegisterForReflection
    record SelfRegistered(Line line) {}

    @RegisterForReflection(targets = Line.class)
    static final class LinesOnly {}

    @RegisterForReflection(targets = {Circle.class, Square.class})
    static final class ShapesOnly {}

    interface Client {
        Order read(String id);

        void write(List<Line> lines);
    }

    @Test
    void types_reachable_through_components_generics_arrays_and_sealed_permits_are_found() {
        assertThat(NativeReflection.reachable(Order.class))
                .containsExactlyInAnyOrder(Order.class, Line.class, Circle.class, Square.class);
    }

    @Test
    void a_complete_registration_passes() {
        NativeReflection.assertRegistered(Complete.class, Order.class);
    }

    @Test
    void a_missing_type_fails_naming_it() {
        assertThatThrownBy(() -> NativeReflection.assertRegistered(Incomplete.class, Order.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Line.class.getName())
                .hasMessageContaining(Square.class.getName())
                .hasMessageNotContaining(Circle.class.getName());
    }

    @Test
    void a_registration_class_without_the_annotation_fails() {
        assertThatThrownBy(() -> NativeReflection.assertRegistered(NotAnnotated.class, Order.class))
                .hasMessageContaining("has no @RegisterForReflection");
    }

    @Test
    void a_type_registered_by_its_own_annotation_counts_as_registered() {
        NativeReflection.assertRegistered(LinesOnly.class, SelfRegistered.class);
    }

    @Test
    void registrations_split_over_several_classes_count_together() {
        NativeReflection.assertRegistered(List.of(LinesOnly.class, ShapesOnly.class), Line.class, Circle.class);
        assertThatThrownBy(() -> NativeReflection.assertRegistered(List.of(LinesOnly.class, ShapesOnly.class),
                Order.class)).hasMessageEndingWith(": [" + Order.class.getName() + "]");
    }

    @Test
    void a_check_without_roots_fails_rather_than_passing_for_nothing() {
        assertThatThrownBy(() -> NativeReflection.assertRegistered(Complete.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no root types");
    }

    @Test
    void the_records_of_a_package_are_found_in_name_order_from_main_classes_only() {
        assertThat(NativeReflection.recordsIn("dev.hearken.testing.fakes", "Fault|FakeResponse"))
                .containsExactly(dev.hearken.testing.fakes.FakeResponse.class, dev.hearken.testing.fakes.Fault.class);
        assertThat(NativeReflection.recordsIn("dev.hearken.testing", "NativeReflectionTest")).isEmpty();
    }

    @Test
    void the_types_a_client_interface_sends_and_receives_are_roots() {
        assertThat(NativeReflection.reachable(NativeReflection.methodTypes(Client.class)))
                .containsExactlyInAnyOrder(Order.class, Line.class, Circle.class, Square.class);
    }

    @Test
    void a_package_without_funq_methods_has_no_funq_types() {
        assertThat(NativeReflection.funqTypes("dev.hearken.testing")).isEmpty();
    }
}
