package dev.hearken.ticket.domain;

import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;

/** Reads a ticket's text (the understanding library; an interface so domain tests can pin results). */
@FunctionalInterface
public interface TextAnalyzer {

    Analysis analyze(Input input);
}
