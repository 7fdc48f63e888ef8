package dev.hearken.understanding.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code shared/data} JSONL format: {@code text}, {@code label}, optional {@code labels_high}, {@code lang}, {@code rating}. */
public final class Jsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jsonl() {
    }

    public static List<Example> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    public static List<Example> read(InputStream in) throws IOException {
        List<Example> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException("line " + lineNo + " is not JSON: " + e.getOriginalMessage(), e);
            }
            String text = n.path("text").asText("");
            String label = n.hasNonNull("label") ? n.get("label").asText() : null;
            List<String> labels = new ArrayList<>();
            JsonNode multi = n.has("labels_high") ? n.get("labels_high") : null;
            if (multi != null && multi.isArray()) {
                multi.forEach(x -> labels.add(x.asText()));
            } else if (label != null) {
                labels.add(label);
            }
            String lang = n.hasNonNull("lang") ? n.get("lang").asText() : null;
            Integer rating = n.hasNonNull("rating") && n.get("rating").canConvertToInt() ? n.get("rating").asInt() : null;
            out.add(new Example(text, label, labels, lang, rating));
        }
        return out;
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
