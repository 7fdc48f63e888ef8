package dev.hearken.push.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A full upsert of what the app backend owns in a user's profile ({@code push-users}): language, time zone,
 * quiet hours, the two channel opt-ins and the address. What others write on the same item stays: per-program
 * opt-outs (the e-mail's one-click unsubscribe adds {@code email:<program>}), the address's {@code emailStatus}
 * from SES feedback (cleared only when the address changes) and targeting {@code attributes}.
 *
 * <p>The channel opt-ins are the channel-wide entries of {@code optOuts} that the send path reads
 * ({@link UserProfile#optedOutOfPushFrom}, {@link UserProfile#optedOutOfEmailFrom}): {@code push: false} is
 * {@value UserProfile#NO_PUSH}, {@code email: false} is {@value UserProfile#NO_EMAIL}. The API owns these two and
 * {@value UserProfile#NOTHING} (everything off, as older writers stored it), so an upsert that turns both channels
 * on also lifts a {@code *}.
 *
 * @param locale     BCP 47 tag
 * @param timeZone   IANA zone
 * @param quietHours the user's quiet hours, or {@code null} for the default
 * @param push       whether the user accepts push
 * @param email      whether the user accepts e-mail
 * @param address    the e-mail address, or {@code null} for none
 */
public record ProfileUpdate(String locale, ZoneId timeZone, QuietHours quietHours, boolean push, boolean email,
        String address) {

    public ProfileUpdate {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /**
     * Checks the request's values; {@code quietStart}/{@code quietEnd} both {@code null} means no quiet hours of
     * the user's own (the default applies).
     */
    public static ProfileUpdate of(String locale, String timeZone, String quietStart, String quietEnd, boolean push,
            boolean email, String address) {
        QuietHours quiet = quietStart == null && quietEnd == null ? null
                : new QuietHours(AppInput.localTime("quietHours.start", quietStart),
                        AppInput.localTime("quietHours.end", quietEnd));
        return new ProfileUpdate(AppInput.locale("locale", locale, true), AppInput.zone("timeZone", timeZone), quiet,
                push, email, AppInput.email("email", address));
    }

    /** {@code current} opt-outs with the channel-wide entries replaced by this update's, in their order. */
    public List<String> optOuts(Collection<String> current) {
        List<String> out = new ArrayList<>();
        for (String entry : current) {
            if (!UserProfile.CHANNEL_ENTRIES.contains(entry) && !out.contains(entry)) {
                out.add(entry);
            }
        }
        if (!push) {
            out.add(UserProfile.NO_PUSH);
        }
        if (!email) {
            out.add(UserProfile.NO_EMAIL);
        }
        return out;
    }

    /** {@code quietHours} as stored ({@code "22:00-08:00"}), or {@code null}. */
    public String storedQuietHours() {
        return quietHours == null ? null : quietHours.start() + "-" + quietHours.end();
    }
}
