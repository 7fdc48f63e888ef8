package dev.hearken.understanding.training;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hearken.understanding.language.LanguageTables;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.internal.Alphabet;
import com.github.pemistahl.lingua.internal.Constant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Compiles Lingua 1.2.2's n-gram models (JSON resources {@code language-models/<code>/<order>.json} inside the
 * Lingua jar) for all of Lingua's 75 languages, with Lingua's writing-system and letter rules, into the compact
 * resource read by
 * {@link dev.hearken.understanding.language.NgramLanguageDetector}. Run by the build ({@code process-classes}),
 * so the 80 MB of JSON never enters the repository and the output is a pure function of the pinned Lingua version.
 *
 * <p>Usage: {@code LanguageModelCompiler <output file>}.
 */
public final class LanguageModelCompiler {

    private static final String[] ORDERS = {"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};
    static final String VERSION = "lingua-1.2.2/v2";

    private LanguageModelCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        if (Files.exists(out) && Files.size(out) > 0) {
            System.err.println("language model up to date: " + out);
            return;
        }
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16), 1 << 16))) {
            List<Language> languages = new ArrayList<>();
            for (Language l : Language.values()) {
                if (l != Language.UNKNOWN) {
                    languages.add(l);
                }
            }
            List<String> codes = languages.stream().map(LanguageModelCompiler::code).toList();
            List<List<String>> scripts = languages.stream().map(l -> l.getAlphabets$lingua().stream()
                    .filter(a -> a != Alphabet.NONE).map(Enum::name).toList()).toList();
            Map<String, List<String>> letters = new LinkedHashMap<>();
            Constant.INSTANCE.getCHARS_TO_LANGUAGES_MAPPING().forEach((chars, langs) ->
                    letters.put(chars, langs.stream().map(LanguageModelCompiler::code).toList()));
            LanguageTables tables = new LanguageTables(data, VERSION, codes, scripts, letters);
            for (String code : codes) {
                for (String order : ORDERS) {
                    try (InputStream in = open(code, order)) {
                        if (in != null) {
                            parse(in, tables::add);
                        }
                    }
                    tables.endOrder();
                }
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.println("wrote " + out + " (" + Files.size(out) / 1024 + " KiB)");
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static InputStream open(String code, String order) {
        String name = "language-models/" + code.toLowerCase(Locale.ROOT) + "/" + order + ".json";
        InputStream in = LanguageModelCompiler.class.getClassLoader().getResourceAsStream(name);
        if (in == null && "unigrams".equals(order)) {
            throw new IllegalStateException(name + " not found: is Lingua on the classpath?");
        }
        // Lingua ships no higher orders for some logographic languages; their tables stay empty.
        return in;
    }

    /** Parses one Lingua model file: {@code {"language": .., "ngrams": {"num/den": "ng1 ng2 ..."}}}. */
    static void parse(InputStream in, NgramSink sink) throws IOException {
        try (JsonParser p = Jsonl.mapper().getFactory().createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String fraction = p.currentName();
                        p.nextToken();
                        String grams = p.getText();
                        int slash = fraction.indexOf('/');
                        double lnP = Math.log(Double.parseDouble(fraction.substring(0, slash)))
                                - Math.log(Double.parseDouble(fraction.substring(slash + 1)));
                        for (String g : grams.split(" ")) {
                            if (!g.isEmpty()) {
                                sink.accept(g, lnP);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Receives n-grams with their log-probability. */
    interface NgramSink {
        void accept(String ngram, double lnP);
    }
}
