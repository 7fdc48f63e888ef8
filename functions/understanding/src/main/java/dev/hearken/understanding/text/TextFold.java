package dev.hearken.understanding.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for rule matching so that what users type matches what the lexicon says, whatever their keyboard:
 * NFKC and lower case; diacritics removed from Latin, Greek and Cyrillic letters ({@code é→e}, {@code ş→s},
 * {@code ı→i}, {@code ł→l}, {@code ß→ss}, Greek tonos, {@code ς→σ}); Arabic-script harakat, hamza carriers and
 * tatweel removed and the letters that Arabic, Persian and Urdu keyboards spell differently unified
 * ({@code أ إ آ ٱ → ا}, {@code ى ي ے → ی}, {@code ك → ک}, {@code ة ۀ ہ ە → ه}), Arabic-Indic digits made ASCII,
 * ZWNJ removed; Hebrew niqqud removed; Devanagari and Bengali nukta removed and chandrabindu made anusvara;
 * {@code ’} made {@code '}; whitespace runs made one space.
 *
 * <p>Marks that carry meaning in other scripts are kept: Japanese voicing marks, Thai vowels and tones, Indic
 * vowel signs. The lexicon folds its patterns the same way, so both sides meet. Linear in the input.
 */
public final class TextFold {

    private TextFold() {
    }

    /** The folded form of {@code s}; {@code null} becomes the empty string. */
    public static String fold(String s) {
        return fold(s, true);
    }

    /** The folded form of a fragment of a pattern: the same, with spaces kept where and as they are. */
    public static String foldFragment(String s) {
        return fold(s, false);
    }

    private static String fold(String s, boolean collapseSpaces) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String nfd = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        boolean stripMarks = false;
        boolean space = false;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                if (stripMarks || cp == 0x093C || cp == 0x09BC) {
                    continue;
                }
                out.appendCodePoint(cp == 0x0901 ? 0x0902 : cp == 0x0981 ? 0x0982 : cp);
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!collapseSpaces) {
                    out.append(' ');
                } else if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            stripMarks = switch (script) {
                case LATIN, GREEK, CYRILLIC, ARABIC, HEBREW -> true;
                default -> false;
            };
            switch (cp) {
                case 0x200C, 0x200D, 0x0640, 0x200E, 0x200F, 0xFEFF -> { } // ZWNJ, ZWJ, tatweel, direction marks, BOM
                case 0x0131 -> out.append('i');                         // ı
                case 0x0142 -> out.append('l');                         // ł
                case 0x00F8 -> out.append('o');                         // ø
                case 0x0111 -> out.append('d');                         // đ
                case 0x00DF -> out.append("ss");                        // ß
                case 0x00E6 -> out.append("ae");                        // æ
                case 0x0153 -> out.append("oe");                        // œ
                case 0x03C2 -> out.append('σ');                         // final sigma
                case 0x2019, 0x2018, 0x02BC, 0x00B4 -> out.append('\'');
                case 0x0671 -> out.append('ا');                         // alef wasla
                case 0x0649, 0x064A, 0x06D2 -> out.append('ی');         // alef maksura, Arabic yeh, yeh barree
                case 0x0643 -> out.append('ک');                         // Arabic kaf
                case 0x0629, 0x06C0, 0x06C1, 0x06D5 -> out.append('ه'); // teh marbuta, heh with yeh, heh goal, ae
                default -> {
                    if (cp >= 0x0660 && cp <= 0x0669) {
                        out.append((char) ('0' + cp - 0x0660));
                    } else if (cp >= 0x06F0 && cp <= 0x06F9) {
                        out.append((char) ('0' + cp - 0x06F0));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        int end = out.length();
        if (collapseSpaces && end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        // Recompose what was kept (Hangul syllables, Japanese voiced kana, Indic vowel signs).
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
