package dev.hearken.autoreply.template;

import dev.hearken.autoreply.domain.TemplateRenderer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Qute's standalone engine over template sources that come from the catalogue at run time.
 *
 * <p>No result escaping: replies are plain text (Zendesk {@code comment.body}, store replies, which
 * strip HTML), and user-provided values are made inert before they get here
 * ({@link dev.hearken.autoreply.domain.Placeholders}). Parsed templates are cached by source, so an
 * edited template is a new entry and an old one is never served for it; the least used are dropped beyond
 * {@value #MAX_CACHED}.
 */
public final class QuteRenderer implements TemplateRenderer {

    private static final int MAX_CACHED = 512;

    private final Engine engine = Engine.builder().addDefaults().build();
    private final Cache<String, Template> parsed = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    @Override
    public String render(String source, Map<String, Object> values) {
        try {
            TemplateInstance instance = parsed.get(source, engine::parse).instance();
            values.forEach(instance::data);
            return instance.render();
        } catch (TemplateException e) {
            throw new IllegalArgumentException("invalid reply template: " + e.getMessage(), e);
        }
    }

    /**
     * The first part of every expression of the template, section parameters included ({@code {#if name}}); a
     * namespaced expression ({@code {inject:bean}}, {@code {config:key}}) is returned whole, so it is never a known
     * name. Literals ({@code {#if name == 'x'}}'s {@code 'x'}) are not data.
     */
    @Override
    public Set<String> dataNames(String source) {
        Template template;
        try {
            template = parsed.get(source, engine::parse);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("invalid reply template: " + e.getMessage(), e);
        }
        Set<String> names = new TreeSet<>();
        for (Expression expression : template.getExpressions()) {
            if (expression.isLiteral()) {
                continue;
            }
            names.add(expression.hasNamespace() ? expression.toOriginalString()
                    : expression.getParts().get(0).getName());
        }
        return names;
    }
}
