package dev.hexcore.adapters.persistence.storage;

import dev.hexcore.domain.port.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link FileStorage} in a local directory ({@code hexcore.storage.directory}, {@code ./data/files} by default): the
 * embedded default, and fine for one replica or a shared volume.
 *
 * <ul>
 *   <li>A key is a relative path of {@code [A-Za-z0-9._/-]} without {@code ..}, a leading {@code /}, an empty
 *       segment or a {@code .} segment; anything else is an {@link IllegalArgumentException}, so no key can reach outside the root.</li>
 *   <li>A write goes to a hidden temporary file in the target's directory, is forced to disk, and is then renamed
 *       over the target atomically: a reader sees the old file or the whole new one, never a part. A failed write
 *       leaves no temporary file and the old file untouched; a process killed mid-write leaves one, which
 *       {@link #removeAbandonedTemporaryFiles} sweeps.</li>
 * </ul>
 */
@ApplicationScoped
public class LocalFileStorage implements FileStorage {
    static final String DIRECTORY_PROPERTY = "hexcore.storage.directory";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final int MAX_KEY_LENGTH = 512;

    private final Path root;

    @Inject
    public LocalFileStorage(@ConfigProperty(name = DIRECTORY_PROPERTY, defaultValue = "./data/files") String root) {
        this(Path.of(root));
    }

    /** Storage under {@code root}, which is created on the first write. */
    public LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, Writer writer) throws IOException {
        Path target = resolve(key);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            long size = Files.size(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(temporary);   // after a successful move there is nothing left to delete
        }
    }

    /**
     * Removes the temporary files of writes that never finished, which only a process killed in the middle of a write
     * leaves behind (a failed write removes its own): files named {@code .<name>.<random>.tmp} not modified since
     * {@code before}. A write under way touches its file continuously, so {@code before} an hour ago or more never
     * takes one that is still being written. Answers how many were removed.
     */
    public int removeAbandonedTemporaryFiles(Instant before) throws IOException {
        if (!Files.isDirectory(root)) return 0;
        List<Path> abandoned;
        try (Stream<Path> files = Files.find(root, Integer.MAX_VALUE,
                (path, attributes) -> isTemporary(path, attributes) && attributes.lastModifiedTime().toInstant().isBefore(before))) {
            abandoned = files.toList();
        }
        int removed = 0;
        for (Path file : abandoned) {
            if (Files.deleteIfExists(file)) removed++;
        }
        return removed;
    }

    private static boolean isTemporary(Path path, BasicFileAttributes attributes) {
        String name = path.getFileName().toString();
        return attributes.isRegularFile() && name.startsWith(".") && name.endsWith(".tmp");
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path file = resolve(key);
        return Files.isRegularFile(file) && Files.deleteIfExists(file);
    }

    /** The file behind {@code key}, checked to lie inside the root. */
    Path resolve(String key) {
        if (key == null || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches() || key.contains("..")
                || ("/" + key + "/").contains("/./")) {
            throw new IllegalArgumentException("Invalid storage key: use a relative path of letters, digits, "
                    + "'-', '_', '.' and '/', without '..'");
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) throw new IllegalArgumentException("Invalid storage key");
        return file;
    }
}
