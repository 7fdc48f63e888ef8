package dev.hearken.autoreply.domain;

import java.util.Optional;

/** Port: the catalogue of canned answers (a DynamoDB table operations can edit without a deploy). */
public interface ReplyTemplates {

    /** The template for exactly this key and language, if there is one. */
    Optional<ReplyTemplate> find(String key, String language);
}
