package dev.hearken.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundMailTest {

    private static InboundMail mail(Map<String, String> headers) {
        return new InboundMail("mail-1", "ana@example.com", "Ana Lima", "Private subject", "<a@example.com>", null,
                "2026-03-02T10:00:00Z", "700101", "pt", "pt-BR", "com.example.lumen", headers, List.of("vip"), "open",
                null, null, 0);
    }

    @Test
    void headers_are_looked_up_by_case_insensitive_name() {
        InboundMail mail = mail(Map.of("Auto-Submitted", "auto-replied", "LIST-ID", "<l.example.com>"));

        assertThat(mail.header("auto-submitted")).isEqualTo("auto-replied");
        assertThat(mail.header("List-Id")).isEqualTo("<l.example.com>");
        assertThat(mail.header("precedence")).isNull();
    }

    @Test
    void its_string_form_carries_no_address_name_or_subject() {
        assertThat(mail(null).toString()).contains("mail-1").doesNotContain("ana@", "Ana Lima", "Private subject");
    }
}
