package dev.hearken.understanding.text;

import java.util.List;

/**
 * Text ready for analysis.
 *
 * @param text      cleaned text, whitespace collapsed, never {@code null}
 * @param truncated whether the input was longer than the limit and was cut
 * @param steps     clean-up steps that changed the text (e.g. {@code html}, {@code quoted-reply}, {@code signature})
 */
public record CleanText(String text, boolean truncated, List<String> steps) {

    public CleanText {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
