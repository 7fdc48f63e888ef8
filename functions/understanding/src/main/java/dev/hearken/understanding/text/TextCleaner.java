package dev.hearken.understanding.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw ticket or review text into what the models should read: HTML to text, quoted reply chains and
 * signatures removed, unpaired surrogates and control characters dropped, whitespace collapsed, size bounded.
 *
 * <p>All work is linear in the input: the raw input is first cut to {@link #MAX_RAW_CHARS} so that the regular
 * expressions run in bounded time on a 1 MB e-mail, and the clean text is cut to {@link #MAX_CLEAN_CHARS}.
 * Both cuts set {@link CleanText#truncated()}.
 */
public final class TextCleaner {

    /** Raw characters looked at; e-mails above this are mostly attachments, quoted history or markup. */
    public static final int MAX_RAW_CHARS = 50_000;
    /** Clean characters analysed; the decision is made on the start of a message. */
    public static final int MAX_CLEAN_CHARS = 5_000;

    private static final Pattern HTML_HINT = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[\\s/>]");
    private static final Pattern DROPPED_BLOCKS = Pattern.compile(
            "(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern QUOTED_HTML = Pattern.compile(
            "(?is)<blockquote\\b.*$|<div[^>]*class=\"?(?:gmail_quote|gmail_extra|yahoo_quoted|moz-cite-prefix)\"?.*$|<div[^>]*id=\"?(?:appendonsend|divRplyFwdMsg)\"?.*$");
    private static final Pattern BLOCK_TAGS = Pattern.compile(
            "(?i)<\\s*(?:br|/p|/div|/li|/tr|/h[1-6]|p|div|li|tr|h[1-6]|hr)\\b[^>]*>");
    private static final Pattern ANY_TAG = Pattern.compile("<[^<>]{0,2000}>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    /** A line that starts a quoted reply chain, in the languages users write to us in. */
    private static final Pattern REPLY_HEADER = Pattern.compile(
            "(?im)^[ \\t>]*(?:"
                    + "-{2,}\\s*(?:original message|mensaje original|mensagem original|ursprüngliche nachricht|message d'origine|messaggio originale|исходное сообщение|forwarded message)\\s*-{2,}"
                    + "|_{10,}"
                    + "|##- ?(?:please type your reply above this line|bitte geben sie ihre antwort über dieser zeile ein|escriba su respuesta encima de esta línea).*"
                    + "|on .{1,200}(?:wrote|writes):\\s*$"
                    + "|el .{1,200}escribió:\\s*$"
                    + "|em .{1,200}escreveu:\\s*$"
                    + "|am .{1,200}schrieb.{0,100}:\\s*$"
                    + "|le .{1,200}a écrit\\s*:\\s*$"
                    + "|il .{1,200}ha scritto:\\s*$"
                    + "|.{1,200}(?:пишет|написал|написала):\\s*$"
                    + "|.{1,200}yazdı:\\s*$"
                    + "|(?:from|de|von|от|da|kimden):\\s.{1,200}\\R[ \\t>]*(?:sent|enviado|gesendet|envoyé|отправлено|inviato|date|fecha|data|datum|дата|tarih)\\s*:.*"
                    + "|.{0,100}(?:于|在).{1,100}写道[：:]\\s*$"
                    + "|.{1,200}(?:のメッセージ|に|より)[：:]?\\s*.{0,50}書きました[：:]?\\s*$"
                    + ")");
    /** Sign-off lines: text after them is a signature when little follows. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?im)^[ \\t]*(?:--|—|"
                    + "sent from my .{1,40}|enviado desde mi .{1,40}|enviado do meu .{1,40}|von meinem .{1,40} gesendet|envoyé de mon .{1,40}|inviato da.{1,40}|отправлено с .{1,40}|发自我的.{1,20}|.{1,20}から送信|"
                    + "best regards|kind regards|regards|best wishes|cheers|sincerely|thanks and regards|"
                    + "saludos(?: cordiales)?|un saludo|atentamente|atenciosamente|abraços|cumprimentos|"
                    + "mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|"
                    + "cordialement|bien à vous|salutations|"
                    + "cordiali saluti|distinti saluti|saluti|"
                    + "с уважением|всего доброго|"
                    + "saygılarımla|iyi çalışmalar|"
                    + "此致|敬礼|よろしくお願いします|よろしくお願いいたします"
                    + ")[ \\t,.!]*$");
    private static final int SIGNATURE_MAX_LINES = 8;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

    /** Cleans one text; never throws, {@code null} becomes the empty text. */
    public CleanText clean(String raw) {
        List<String> steps = new ArrayList<>(4);
        if (raw == null || raw.isEmpty()) {
            return new CleanText("", false, steps);
        }
        boolean truncated = false;
        String s = raw;
        if (s.length() > MAX_RAW_CHARS) {
            s = s.substring(0, MAX_RAW_CHARS);
            truncated = true;
        }
        String fixed = dropBadCharacters(s);
        if (fixed.length() != s.length()) {
            steps.add("bad-characters");
        }
        s = fixed;
        if (HTML_HINT.matcher(s).find()) {
            s = htmlToText(s);
            steps.add("html");
        }
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        String unquoted = stripQuotedReply(s);
        if (unquoted.length() != s.length()) {
            steps.add("quoted-reply");
            s = unquoted;
        }
        String unsigned = stripSignature(s);
        if (unsigned.length() != s.length()) {
            steps.add("signature");
            s = unsigned;
        }
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        if (s.length() > MAX_CLEAN_CHARS) {
            int cut = MAX_CLEAN_CHARS;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            s = s.substring(0, cut);
            truncated = true;
        }
        if (truncated) {
            steps.add("truncated");
        }
        return new CleanText(s, truncated, steps);
    }

    /**
     * Everything the user wrote, for the priority rules: HTML made text (scripts and styles dropped), bad characters
     * dropped, cut at {@link #MAX_RAW_CHARS} — but signatures, P.S. lines and quoted text kept. A deletion request in
     * a P.S. after "Regards", or in the user's own earlier mail quoted below, must still be read. Quoted text written
     * by the company is not told apart: reading it too can only hand a ticket to a person.
     */
    public String fullText(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = dropBadCharacters(raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw);
        if (HTML_HINT.matcher(s).find()) {
            s = decodeEntities(ANY_TAG.matcher(BLOCK_TAGS.matcher(DROPPED_BLOCKS.matcher(s).replaceAll(" "))
                    .replaceAll("\n")).replaceAll(" "));
        }
        return s;
    }

    /** Drops unpaired surrogates, NUL and other C0/C1 control characters except line breaks and tabs. */
    static String dropBadCharacters(String s) {
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (keep) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                keep = false;
            } else {
                keep = c >= 0x20 && !(c >= 0x7F && c <= 0x9F) || c == '\n' || c == '\t' || c == '\r';
            }
            if (!keep && out == null) {
                out = new StringBuilder(n);
                out.append(s, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
            if (!keep && out != null && c >= 0x7F && c <= 0x9F) {
                // C1 controls are usually mis-decoded cp1252 punctuation (a stray 0x92 apostrophe): keep a space.
                out.append(' ');
            }
        }
        return out == null ? s : out.toString();
    }

    static String htmlToText(String html) {
        String s = DROPPED_BLOCKS.matcher(html).replaceAll(" ");
        s = QUOTED_HTML.matcher(s).replaceFirst(" ");
        s = BLOCK_TAGS.matcher(s).replaceAll("\n");
        s = ANY_TAG.matcher(s).replaceAll(" ");
        return decodeEntities(s);
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.charAt(0) == '#') {
                int cp;
                try {
                    cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                rep = Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) && cp >= 0x20
                        ? new String(Character.toChars(cp)) : " ";
            } else {
                rep = switch (e.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "hellip" -> "…";
                    case "mdash" -> "—";
                    case "ndash" -> "–";
                    case "euro" -> "€";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String stripQuotedReply(String s) {
        Matcher m = REPLY_HEADER.matcher(s);
        String kept = s;
        if (m.find() && m.start() > 0) {
            kept = s.substring(0, m.start());
        }
        if (kept.indexOf('>') < 0) {
            return kept;
        }
        StringBuilder out = new StringBuilder(kept.length());
        boolean anyQuoted = false;
        for (String line : kept.split("\n", -1)) {
            if (line.stripLeading().startsWith(">")) {
                anyQuoted = true;
                continue;
            }
            out.append(line).append('\n');
        }
        if (!anyQuoted || out.toString().isBlank()) {
            return kept;
        }
        return out.toString();
    }

    static String stripSignature(String s) {
        Matcher m = SIGNATURE.matcher(s);
        while (m.find()) {
            if (m.start() == 0) {
                continue;
            }
            String tail = s.substring(m.start());
            long lines = tail.chars().filter(c -> c == '\n').count();
            if (lines <= SIGNATURE_MAX_LINES) {
                String head = s.substring(0, m.start());
                return head.isBlank() ? s : head;
            }
        }
        return s;
    }
}
