package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VipKeyTest {

    @Test
    void the_keys_the_directory_looks_up_pass_the_check() {
        assertThat(VipKey.check(VipKey.user(9100000000777L))).isEqualTo("user:9100000000777");
        assertThat(VipKey.check(VipKey.organization(9100000000900L))).isEqualTo("org:9100000000900");
        assertThat(VipKey.check(VipKey.email(" Press@Example.com "))).isEqualTo("email:press@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user:abc", "user:0", "user:007", "org:-1", "org:99999999999999999999",
            "email:press", "email:Press@Example.com", "email:@example.com", "phone:5550100", "9100000000777", "user:"})
    void a_key_the_directory_would_never_look_up_is_refused_naming_vip_key(String key) {
        assertThatThrownBy(() -> VipKey.check(key)).isInstanceOfSatisfying(InvalidConfigurationException.class,
                e -> assertThat(e.field()).isEqualTo("vipKey"));
    }
}
