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
}
