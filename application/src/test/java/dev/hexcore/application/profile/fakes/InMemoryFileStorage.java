package dev.hexcore.application.profile.fakes;

import dev.hexcore.domain.port.FileStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FileStorage} in memory: a file appears only when its writer finished without throwing. */
public final class InMemoryFileStorage implements FileStorage {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public long write(String key, Writer writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.writeTo(buffer);
        files.put(key, buffer.toByteArray());
        return buffer.size();
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(files.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public boolean delete(String key) {
        return files.remove(key) != null;
    }

    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }
}
