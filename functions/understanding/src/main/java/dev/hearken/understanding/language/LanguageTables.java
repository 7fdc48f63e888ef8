package dev.hearken.understanding.language;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes the compact n-gram model format read by {@link NgramLanguageDetector#load()}; used by the build only. */
public final class LanguageTables {

    private final DataOutputStream out;
    private int[] keys = new int[1 << 16];
    private byte[] values = new byte[1 << 16];
    private int count;

    /**
     * Starts a model file.
     *
     * @param codes          ISO 639-1 codes, in the order their tables will follow
     * @param scripts        per language, the Unicode script names it is written in ({@code LATIN}, {@code HAN} …)
     * @param lettersToCodes letters used by only some languages (e.g. {@code "ß"} → {@code [de]}), Lingua's rules
     */
    public LanguageTables(DataOutputStream out, String version, List<String> codes, List<List<String>> scripts,
                          Map<String, List<String>> lettersToCodes) throws IOException {
        this.out = out;
        out.writeInt(NgramLanguageDetector.MAGIC);
        out.writeUTF(version);
        out.writeInt(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.writeUTF(codes.get(i));
            out.writeUTF(String.join(" ", scripts.get(i)));
        }
        out.writeInt(lettersToCodes.size());
        for (Map.Entry<String, List<String>> e : lettersToCodes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(String.join(" ", e.getValue()));
        }
    }

    public void add(String ngram, double lnP) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        keys[count] = NgramTable.fingerprint(ngram, 0, ngram.length());
        values[count] = NgramTable.quantise(lnP);
        count++;
    }

    /** Writes the table of the n-grams added since the previous call; five calls per language, in code order. */
    public void endOrder() throws IOException {
        NgramTable table = NgramTable.build(keys, values, count);
        int[] k = table.keysForWrite();
        byte[] v = table.valuesForWrite();
        out.writeInt(k.length);
        for (int x : k) {
            out.writeInt(x);
        }
        out.write(v);
        count = 0;
    }
}
