package dev.hearken.ticket.domain;

import dev.hearken.escalation.ReviewEscalation;
import java.util.List;
import java.util.Map;

/**
 * The Zendesk ticket of an escalated review: subject, internal note, routing. The note holds everything a person
 * needs to act without opening anything else — the review's text, rating, store, app, review id, the reviewer's
 * pseudonym (never a name) and a link to the review when there is one — and says where to answer: the reviewer
 * has no Zendesk identity, so the ticket's requester is Hearken's API user, and the note is internal so Zendesk
 * mails it to nobody.
 */
public final class EscalationTicket {

    private static final Map<String, String> STORES = Map.of("appstore", "App Store", "googleplay", "Google Play");
    private static final Map<String, String> ARTICLES = Map.of("appstore", "an", "googleplay", "a");
    private static final Map<String, String> CONSOLES = Map.of("appstore", "App Store Connect",
            "googleplay", "the Google Play Console");

    private EscalationTicket() {
    }

    public static NewTicket of(ReviewEscalation e, Route route) {
        return new NewTicket(e.escalationId(), subject(e), note(e), false, route.groupId(), route.tags(),
                route.priority());
    }

    static String subject(ReviewEscalation e) {
        return "[Hearken] " + capitalised(why(e.flags())) + " in " + ARTICLES.get(e.store()) + " "
                + STORES.get(e.store()) + " review of " + e.appId() + " (" + e.rating() + "★)";
    }

    static String note(ReviewEscalation e) {
        StringBuilder s = new StringBuilder();
        s.append("This app-store review shows a ").append(why(e.flags()))
                .append(". Hearken never answers it automatically: a person has to act on it. The reviewer has no")
                .append(" Zendesk identity — answer in ").append(CONSOLES.get(e.store()))
                .append(" (or AppFollow), not to this ticket's requester.\n\n");
        s.append("Store: ").append(STORES.get(e.store()))
                .append(e.source().equals("appfollow") ? " (via AppFollow)" : "")
                .append("\nApp: ").append(e.appId())
                .append("\nReview id: ").append(e.reviewId())
                .append("\nRating: ").append("★".repeat(e.rating())).append("☆".repeat(5 - e.rating()))
                .append(" (").append(e.rating()).append(" of 5)")
                .append("\nLanguage: ").append(orDash(e.language()))
                .append("\nTerritory: ").append(orDash(e.territory()))
                .append("\nApp version: ").append(orDash(e.appVersion()))
                .append("\nReviewer (pseudonym): ").append(orDash(e.author()))
                .append("\nWritten: ").append(e.reviewedAt())
                .append("\nLink: ").append(e.reviewUrl() != null ? e.reviewUrl()
                        : "none in the delivery — find the review by store, app and review id")
                .append("\n\n");
        if (e.title() != null && !e.title().isBlank()) {
            s.append("Title: ").append(e.title().strip()).append("\n\n");
        }
        s.append(e.body() != null && !e.body().isBlank() ? e.body().strip() : "(no text)").append("\n\n");
        s.append("— Hearken, escalation ").append(e.escalationId()).append(", flags ").append(e.flags())
                .append(", intent ").append(orDash(e.intent())).append(", models ").append(orDash(e.modelVersion()))
                .append(", decided ").append(e.decidedAt());
        return s.toString();
    }

    /** {@code privacy request}, {@code legal issue}, or both. */
    static String why(List<String> flags) {
        boolean privacy = flags.contains("privacy");
        boolean legal = flags.contains("legal");
        return privacy && legal ? "privacy request and legal issue" : privacy ? "privacy request" : "legal issue";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
