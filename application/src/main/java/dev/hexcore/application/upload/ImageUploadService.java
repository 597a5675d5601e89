package dev.hexcore.application.upload;

import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.shared.PayloadTooLargeException;
import dev.hexcore.domain.shared.Secrets;
import dev.hexcore.domain.upload.UploadedImages;
import dev.hexcore.domain.upload.UploadedImages.PreparedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Uploads go through {@link UploadedImages} (type, pixel limits, re-encoding) and are written whole through the
 * {@link FileStorage} under {@code images/<128 random bits>.<png|jpg>}: the name cannot be guessed and never changes
 * its content, so it can be served with immutable caching.
 */
public final class ImageUploadService implements UploadImageUseCase {
    private static final String DIRECTORY = "images/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{22}\\.(png|jpg)");

    private final UploadedImages images;
    private final FileStorage storage;
    private final RandomGenerator secureRandom;
    private final long maxBytes;

    public ImageUploadService(UploadedImages images, FileStorage storage, RandomGenerator secureRandom, long maxBytes) {
        this.images = images;
        this.storage = storage;
        this.secureRandom = secureRandom;
        this.maxBytes = maxBytes;
    }

    @Override
    public StoredImage upload(byte[] file) {
        if (file.length > maxBytes) {
            throw new PayloadTooLargeException("The image is " + file.length + " bytes; at most " + maxBytes + " are accepted");
        }
        PreparedImage image = images.prepare(file);
        String name = Secrets.randomToken(secureRandom, 16) + "." + image.extension();
        byte[] bytes = image.bytes();
        try {
            storage.write(DIRECTORY + name, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the image", e);
        }
        return new StoredImage(name, image.contentType(), bytes.length, image.width(), image.height());
    }

    @Override
    public Optional<ImageContent> open(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        String contentType = name.endsWith(".png") ? "image/png" : "image/jpeg";
        try {
            return storage.open(DIRECTORY + name).map(in -> new ImageContent(contentType, in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image", e);
        }
    }
}
