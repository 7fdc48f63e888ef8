package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected values were computed independently (Python, over UTF-16 code units) from the spec. */
class GrowthBookHashTest {

    private static final String EMOJI_ID = "user-\uD83E\uDD84"; // "user-🦄": one astral character, two UTF-16 units

    @Test
    void anEmojiIdIsHashedOverItsUtf16CodeUnitsLikeTheJsSdk() {
        assertThat(GrowthBookHash.fnv1a32(EMOJI_ID)).isEqualTo(939_678_903L);
        assertThat(GrowthBookHash.hash("exp", EMOJI_ID, 1)).isEqualTo(0.814);
        assertThat(GrowthBookHash.hash("exp", EMOJI_ID, 2)).isEqualTo(0.1517);
    }

    @Test
    void anEmojiIdHashesDifferentlyFromUtf8BytesWhichIsWhereGrowthBooksJavaSdkDisagrees() {
        long utf8 = 0x811C9DC5L;
        for (byte b : EMOJI_ID.getBytes(StandardCharsets.UTF_8)) {
            utf8 = ((utf8 ^ (b & 0xFF)) * 0x01000193L) & 0xFFFF_FFFFL;
        }

        assertThat(utf8).isEqualTo(2_939_840_298L);
        assertThat(GrowthBookHash.fnv1a32(EMOJI_ID)).isNotEqualTo(utf8);
    }

    @Test
    void anAsciiIdHashesTheSameWhicheverEncodingIsUsed() {
        long utf8 = 0x811C9DC5L;
        for (byte b : "123".getBytes(StandardCharsets.UTF_8)) {
            utf8 = ((utf8 ^ (b & 0xFF)) * 0x01000193L) & 0xFFFF_FFFFL;
        }

        assertThat(GrowthBookHash.fnv1a32("123")).isEqualTo(utf8).isEqualTo(1_916_298_011L);
    }

    @Test
    void anUnknownHashVersionGivesNoHash() {
        assertThat(GrowthBookHash.hash("seed", "user", 3)).isNull();
        assertThat(GrowthBookHash.hash("seed", "user", 0)).isNull();
    }
}
