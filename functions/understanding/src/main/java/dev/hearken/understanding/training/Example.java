package dev.hearken.understanding.training;

import java.util.List;

/**
 * One labelled row of a {@code shared/data} JSONL file.
 *
 * @param text       the text
 * @param label      the primary label
 * @param labels     all labels for multi-label data ({@code labels_high} when present), else {@code [label]}
 * @param lang       ISO 639-1 language, or {@code null}
 * @param rating     star rating, or {@code null}
 */
public record Example(String text, String label, List<String> labels, String lang, Integer rating) {

    public Example {
        labels = List.copyOf(labels);
    }
}
