package dev.hearken.autoreply.domain;

import java.util.List;
import java.util.Optional;

/**
 * Picks the template (language first: the right language with a more generic answer beats a
 * specific answer in a fallback language), its experiment variation, renders it and makes sure it
 * ends with the path to a human.
 */
public final class ReplyComposer {

    private final ReplyTemplates catalogue;
    private final TemplateRenderer renderer;
    private final VariantPicker variants;

    public ReplyComposer(ReplyTemplates catalogue, TemplateRenderer renderer, VariantPicker variants) {
        this.catalogue = catalogue;
        this.renderer = renderer;
        this.variants = variants;
    }

    /** A rendered reply and where it came from. */
    public record Composed(String text, String templateKey, String language, String experimentKey, String variant) {}

    /**
     * The reply for the first template found, trying every key in {@code keys} for each language of
     * {@code languages} in turn; empty when the catalogue has none.
     *
     * @param unitId the experiment unit (the request id: one assignment per ticket or review)
     */
    public Optional<Composed> compose(ReplyChannel.Kind kind, List<String> keys, List<String> languages,
            Placeholders placeholders, String unitId) {
        for (String language : languages) {
            for (String key : keys) {
                Optional<ReplyTemplate> found = catalogue.find(key, language);
                if (found.isPresent()) {
                    return Optional.of(render(kind, found.get(), placeholders, unitId));
                }
            }
        }
        return Optional.empty();
    }

    private Composed render(ReplyChannel.Kind kind, ReplyTemplate template, Placeholders placeholders, String unitId) {
        String variant = template.experimentKey() == null ? null
                : variants.variant(template.experimentKey(), unitId).orElse(null);
        String text = renderer.render(template.bodyFor(variant), placeholders.values(template.language()));
        return new Composed(HumanPath.ensure(kind, template.language(), text), template.key(), template.language(),
                variant == null ? null : template.experimentKey(), variant);
    }
}
