package dev.hexcore.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalFileStorageTest {
    @TempDir
    Path root;

    @Test
    void aWrittenFileReadsBackWithItsSize() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root.resolve("files"));

        long size = storage.write("exports/2026/profiles-1.json", out -> out.write("[{\"a\":1}]".getBytes(StandardCharsets.UTF_8)));

        assertThat(size).isEqualTo(9);
        assertThat(read(storage, "exports/2026/profiles-1.json")).isEqualTo("[{\"a\":1}]");
        assertThat(root.resolve("files/exports/2026/profiles-1.json")).isRegularFile();
    }

    @Test
    void onlyTemporaryFilesAbandonedBeforeTheCutOffAreSwept() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("exports/a.json", out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        Path abandoned = Files.writeString(root.resolve("exports/.b.json.123.tmp"), "half");
        Path recent = Files.writeString(root.resolve("exports/.c.json.456.tmp"), "being written");
        Path oldVisible = root.resolve("exports/a.json");
        java.time.Instant cutOff = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(cutOff.minusSeconds(1)));
        Files.setLastModifiedTime(oldVisible, java.nio.file.attribute.FileTime.from(cutOff.minusSeconds(3600)));

        int removed = storage.removeAbandonedTemporaryFiles(cutOff);

        assertThat(removed).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(read(storage, "exports/a.json")).isEqualTo("{}");
        assertThat(new LocalFileStorage(root.resolve("never-written")).removeAbandonedTemporaryFiles(cutOff)).isZero();
    }

    @Test
    void writingAgainReplacesTheFile() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("a.txt", out -> out.write("first, and longer".getBytes(StandardCharsets.UTF_8)));

        long size = storage.write("a.txt", out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertThat(size).isEqualTo(6);
        assertThat(read(storage, "a.txt")).isEqualTo("second");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("report.pdf", out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> storage.write("report.pdf", out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("generator broke");
        })).isInstanceOf(IOException.class).hasMessage("generator broke");

        assertThat(read(storage, "report.pdf")).isEqualTo("old");
        assertThat(filesUnder(root)).containsExactly("report.pdf");
    }

    /** While a write is under way the key shows the previous content (here: nothing), never a part of the new one. */
    @Test
    void aReaderNeverSeesAFileBeingWritten() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("big.json", out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(storage.open("big.json")).isEmpty();
            out.write(" and the rest".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(read(storage, "big.json")).isEqualTo("partial and the rest");
    }

    @Test
    void aMissingFileIsEmptyAndDeletingTellsWhetherItExisted() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        assertThat(storage.open("nothing/here.json")).isEmpty();
        assertThat(storage.delete("nothing/here.json")).isFalse();

        storage.write("x/y.json", out -> out.write('1'));
        assertThat(storage.delete("x/y.json")).isTrue();
        assertThat(storage.open("x/y.json")).isEmpty();
        assertThat(storage.delete("x/y.json")).isFalse();
    }

    @Test
    void aDirectoryIsNotAFile() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("dir/file.txt", out -> out.write('1'));
        assertThat(storage.open("dir")).isEmpty();
        assertThat(storage.delete("dir")).isFalse();
        assertThat(root.resolve("dir")).isDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape.txt", "a/../../escape.txt", "a/..", "..", "/etc/passwd", "a//b", "a/",
            "./a", "a/./b", ".", "a\\b", "a b", "ключ.json", "a:b", "a\u0000b", "C:/x"})
    void keysOutsideTheAlphabetOrTheRootAreRefused(String key) {
        LocalFileStorage storage = new LocalFileStorage(root.resolve("store"));
        assertThatThrownBy(() -> storage.write(key, out -> out.write('x'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(filesUnder(root)).noneMatch(name -> name.contains("escape"));
    }

    @Test
    void aNullKeyIsRefused() {
        LocalFileStorage storage = new LocalFileStorage(root);
        assertThatThrownBy(() -> storage.open(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysWithDotsDashesAndUnderscoresAreFine() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(root);
        storage.write("exports/profile-1_a.b.pdf", out -> out.write('1'));
        assertThat(storage.open("exports/profile-1_a.b.pdf")).isPresent().get().satisfies(InputStream::close);
    }

    private static String read(LocalFileStorage storage, String key) throws IOException {
        Optional<InputStream> in = storage.open(key);
        assertThat(in).as(key).isPresent();
        try (InputStream stream = in.get()) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> filesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(p -> directory.relativize(p).toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
