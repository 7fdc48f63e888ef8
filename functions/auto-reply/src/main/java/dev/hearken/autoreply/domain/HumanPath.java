package dev.hearken.autoreply.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sentence that ends every automatic answer and tells the user how to reach a person, per kind
 * of channel and language. Tickets are conversations ("reply and a person answers"); a store review
 * cannot be answered back, so review replies point to the app's Help screen instead.
 *
 * <p>The seed catalogue is checked against these sentences by a test, and {@link #ensure} adds the
 * sentence at send time to a template an operator edited without it, so the rule holds even for
 * templates changed without a deploy.
 */
public final class HumanPath {

    private static final Map<String, String> TICKET = Map.of(
            "en", "Reply to this message and a person from our team will answer.",
            "es", "Responde a este mensaje y una persona de nuestro equipo te contestará.",
            "ru", "Ответьте на это сообщение, и вам ответит человек из нашей команды.",
            "zh", "直接回复此消息，我们团队的工作人员会亲自答复您。",
            "ja", "このメッセージにご返信いただければ、担当者が直接お答えします。",
            "pt", "Responda a esta mensagem e uma pessoa da nossa equipa irá responder-lhe.",
            "pt-BR", "Responda a esta mensagem e uma pessoa da nossa equipe vai te responder.",
            "de", "Antworten Sie auf diese Nachricht, und ein Mensch aus unserem Team meldet sich bei Ihnen.",
            "fr", "Répondez à ce message et une personne de notre équipe vous répondra.");

    private static final Map<String, String> REVIEW = Map.of(
            "en", "Need a person? Write to us via Help in the app and someone from our team will answer.",
            "es", "¿Prefieres hablar con una persona? Escríbenos desde Ayuda en la app y alguien del equipo te responderá.",
            "ru", "Нужен живой человек? Напишите нам через раздел «Помощь» в приложении, и вам ответит сотрудник.",
            "zh", "需要人工帮助？请在应用的“帮助”中联系我们，工作人员会亲自答复您。",
            "ja", "担当者とのやり取りをご希望の場合は、アプリの「ヘルプ」からご連絡ください。スタッフがお答えします。",
            "pt", "Prefere falar com uma pessoa? Escreva-nos através da Ajuda na app e alguém da equipa irá responder.",
            "pt-BR", "Prefere falar com uma pessoa? Escreva para nós pela Ajuda no app e alguém da equipe vai responder.",
            "de", "Lieber mit einem Menschen sprechen? Schreiben Sie uns über „Hilfe“ in der App, jemand aus dem Team antwortet.",
            "fr", "Besoin d'une personne ? Écrivez-nous via l'Aide de l'application et quelqu'un de l'équipe vous répondra.");

    private HumanPath() {}

    /**
     * The languages with a sentence for both kinds: the only languages a template may be written in, so that the
     * way to a person is always offered in the language of the answer.
     */
    public static Set<String> languages() {
        Set<String> both = new TreeSet<>(TICKET.keySet());
        both.retainAll(REVIEW.keySet());
        return both;
    }

    /** The sentence for this kind of channel and exact language, if we have one. */
    public static Optional<String> sentence(ReplyChannel.Kind kind, String language) {
        return Optional.ofNullable((kind == ReplyChannel.Kind.TICKET ? TICKET : REVIEW).get(language));
    }

    /** The sentence for the language, or its base language, or English. */
    public static String sentenceOrFallback(ReplyChannel.Kind kind, String language) {
        for (String candidate : LanguageChain.of(language, null)) {
            Optional<String> s = sentence(kind, candidate);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new IllegalStateException("no English human path");
    }

    /** Whether {@code text} ends with the human path for its kind and language. */
    public static boolean endsWithPath(ReplyChannel.Kind kind, String language, String text) {
        return text.strip().endsWith(sentenceOrFallback(kind, language));
    }

    /** {@code text}, with the human path appended on a new paragraph when it does not already end with it. */
    public static String ensure(ReplyChannel.Kind kind, String language, String text) {
        if (endsWithPath(kind, language, text)) {
            return text.strip();
        }
        return text.strip() + "\n\n" + sentenceOrFallback(kind, language);
    }
}
