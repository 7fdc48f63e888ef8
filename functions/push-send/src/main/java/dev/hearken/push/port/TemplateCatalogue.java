package dev.hearken.push.port;

import dev.hearken.push.domain.Template;
import java.util.Optional;

/** The localised copy of every template. */
public interface TemplateCatalogue {

    Optional<Template> find(String templateId);
}
