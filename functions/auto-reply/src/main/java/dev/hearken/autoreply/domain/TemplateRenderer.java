package dev.hearken.autoreply.domain;

import java.util.Map;

/** Port: turns a template's source and placeholder values into text (Qute in production). */
public interface TemplateRenderer {

    /** The rendered text; {@link IllegalArgumentException} when the source is not a valid template. */
    String render(String source, Map<String, Object> values);
}
