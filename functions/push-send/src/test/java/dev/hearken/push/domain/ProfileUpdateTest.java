package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileUpdateTest {

    @Test
    void channel_opt_ins_replace_only_the_channel_wide_opt_outs_and_keep_the_programs_in_their_order() {
        ProfileUpdate pushOff = ProfileUpdate.of("en", "Europe/Berlin", null, null, false, true, null);

        assertThat(pushOff.optOuts(List.of("promotions", "*", "email:product-news", "email:*", "promotions")))
                .containsExactly("promotions", "email:product-news", "push:*");
    }

    @Test
    void both_channels_on_lift_an_opt_out_of_everything() {
        ProfileUpdate on = ProfileUpdate.of("en", "Europe/Berlin", null, null, true, true, null);

        assertThat(on.optOuts(List.of("*"))).isEmpty();
    }

    @Test
    void what_the_update_writes_is_what_the_send_path_reads() {
        ProfileUpdate update = ProfileUpdate.of("pt-BR", "America/Sao_Paulo", "23:00", "07:30", false, false,
                "bia@example.org");
        UserProfile read = new UserProfile("u", update.locale(), update.timeZone(), java.util.Set.copyOf(update.optOuts(
                List.of())), QuietHours.parse(update.storedQuietHours()), update.address(), java.util.Map.of());

        assertThat(read.optedOutOfPushFrom("onboarding")).isTrue();
        assertThat(read.optedOutOfEmailFrom("onboarding")).isTrue();
        assertThat(read.optedOutOf("onboarding")).isFalse();
        assertThat(read.quietHours()).isEqualTo(new QuietHours(java.time.LocalTime.of(23, 0), java.time.LocalTime.of(7, 30)));
        assertThat(ProfileView.of(read).channels()).isEqualTo(new ProfileView.Channels(false, false));
    }
}
