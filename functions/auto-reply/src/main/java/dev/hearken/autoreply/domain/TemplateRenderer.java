package dev.hearken.autoreply.domain;

import java.util.Map;
import java.util.Set;

/** Port: turns a template's source and placeholder values into text (Qute in production). */
public interface TemplateRenderer {

    /** The rendered text; {@link IllegalArgumentException} when the source is not a valid template. */
    String render(String source, Map<String, Object> values);

    /**
     * The names a template reads from its data ({@code {name}}, {@code {#if ticketId}} → {@code name}, {@code ticketId}),
     * so that a template using a value the worker never provides is refused before it is stored;
     * {@link IllegalArgumentException} when the source is not a valid template.
     */
    Set<String> dataNames(String source);
}
