package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"pt-BR", "en", "zh-Hant-TW", "es-419", "sr-Latn-RS"})
    void a_well_formed_bcp_47_tag_is_taken_as_sent(String tag) {
        assertThat(AppInput.locale("locale", tag, true)).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pt_BR", "portuguese", "pt-BR-", "-BR", "en US", "x-private-only", "en\nUS"})
    void anything_else_is_refused_naming_the_field(String tag) {
        assertThatThrownBy(() -> AppInput.locale("locale", tag, true))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("locale"));
    }

    @Test
    void a_time_zone_must_be_an_iana_region_not_an_offset() {
        assertThat(AppInput.zone("timeZone", "Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
        for (String bad : List.of("+02:00", "GMT+2", "Mars/Olympus_Mons", "asia/tokyo", "")) {
            assertThatThrownBy(() -> AppInput.zone("timeZone", bad)).as(bad).isInstanceOf(InvalidFieldException.class);
        }
    }

    @Test
    void a_local_time_is_hh_mm_from_00_00_to_23_59() {
        assertThat(AppInput.localTime("quietHours.start", "00:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(AppInput.localTime("quietHours.start", "23:59")).isEqualTo(LocalTime.of(23, 59));
        for (String bad : List.of("24:00", "8:00", "08:60", "08:00:00", "8h", " 08:00")) {
            assertThatThrownBy(() -> AppInput.localTime("quietHours.start", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("quietHours.start"));
        }
    }

    @Test
    void an_address_is_a_dot_atom_at_a_host_name_and_nothing_a_mail_header_would_have_to_quote() {
        assertThat(AppInput.email("email", "bia.costa+news@mail.example.org")).isEqualTo("bia.costa+news@mail.example.org");
        assertThat(AppInput.email("email", null)).isNull();
        for (String bad : List.of("bia", "bia@", "@example.org", "bia@example", "bia..costa@example.org",
                "bia costa@example.org", "bia@example.org\r\nBcc: x@example.org", "\"bia\"@example.org",
                "bia@-example.org", "a".repeat(65) + "@example.org", "b@" + "a".repeat(250) + ".org")) {
            assertThatThrownBy(() -> AppInput.email("email", bad)).as(bad).isInstanceOf(InvalidFieldException.class);
        }
    }
}
