package dev.hearken.push.domain;

import java.util.List;

/**
 * A user's profile as the app-backend API shows it: what it writes, and what others wrote on it that the app may
 * want to show (per-program opt-outs, the address's status).
 *
 * @param userId      the user
 * @param locale      BCP 47 tag ({@code en} when never set)
 * @param timeZone    IANA zone ({@code UTC} when never set)
 * @param quietHours  the quiet hours in force (the default 22:00–08:00 when the user chose none)
 * @param channels    the channel opt-ins
 * @param email       the address, or {@code null}
 * @param emailStatus {@code ok}, {@code bounced} or {@code complained} (SES feedback)
 * @param optOuts     per-program opt-outs ({@code promotions}, {@code email:product-news}), without the channel-wide ones
 */
public record ProfileView(String userId, String locale, String timeZone, Quiet quietHours, Channels channels,
        String email, String emailStatus, List<String> optOuts) {

    /** Quiet hours, local {@code HH:mm}. */
    public record Quiet(String start, String end) {}

    /** Whether the user accepts push and e-mail at all. */
    public record Channels(boolean push, boolean email) {}

    /** The view of {@code profile}. */
    public static ProfileView of(UserProfile profile) {
        boolean push = !profile.optOuts().contains(UserProfile.NOTHING) && !profile.optOuts().contains(UserProfile.NO_PUSH);
        boolean email = !profile.optOuts().contains(UserProfile.NOTHING)
                && !profile.optOuts().contains(UserProfile.NO_EMAIL);
        return new ProfileView(profile.userId(), profile.locale(), profile.timeZone().getId(),
                new Quiet(profile.quietHours().start().toString(), profile.quietHours().end().toString()),
                new Channels(push, email), profile.email(), profile.emailStatus().wireName(),
                profile.optOuts().stream().filter(o -> !UserProfile.CHANNEL_ENTRIES.contains(o)).sorted().toList());
    }
}
