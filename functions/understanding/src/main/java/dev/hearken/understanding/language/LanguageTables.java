package dev.hearken.understanding.language;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** Writes the compact n-gram model format read by {@link NgramLanguageDetector#load()}; used by the build only. */
public final class LanguageTables {

    private final DataOutputStream out;
    private int[] keys = new int[1 << 16];
    private byte[] values = new byte[1 << 16];
    private int count;

    /** Starts a model file with its version and number of languages. */
    public LanguageTables(DataOutputStream out, String version, int languages) throws IOException {
        this.out = out;
        out.writeInt(NgramLanguageDetector.MAGIC);
        out.writeUTF(version);
        out.writeInt(languages);
    }

    /** Begins the next language; its five orders follow through {@link #add} and {@link #endOrder()}. */
    public void beginLanguage(String code) throws IOException {
        out.writeUTF(code);
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

    /** Writes the table of the n-grams added since the previous call. */
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
