package dev.hearken.understanding.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained text models shipped together under one version: {@code spam}, {@code intent} (product intents),
 * {@code intent-detail} (banking77-style fine intents) and {@code topics}. Written by the training command,
 * read from {@value #RESOURCE}.
 */
public final class ModelBundle {

    /** Classpath resource written by {@code make train}. */
    public static final String RESOURCE = "/dev/hearken/understanding/model/models-v1.bin.gz";
    private static final int MAGIC = 0x484B4D31; // "HKM1"

    private final String version;
    private final Map<String, LinearModel> models;

    public ModelBundle(String version, Map<String, LinearModel> models) {
        this.version = version;
        // insertion order, so that the written file is byte-for-byte reproducible
        this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    public static ModelBundle load() {
        try (InputStream in = ModelBundle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: run `make train`");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static ModelBundle read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Hearken model bundle");
        }
        String version = in.readUTF();
        int n = in.readInt();
        Map<String, LinearModel> models = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            LinearModel m = LinearModel.read(in);
            models.put(m.name(), m);
        }
        return new ModelBundle(version, models);
    }

    public void write(OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16));
        out.writeInt(MAGIC);
        out.writeUTF(version);
        out.writeInt(models.size());
        for (LinearModel m : models.values()) {
            m.write(out);
        }
        out.flush();
        out.close();
    }

    public String version() {
        return version;
    }

    public Optional<LinearModel> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Map<String, LinearModel> models() {
        return models;
    }
}
