package dev.hexcore.application.upload;

import java.io.InputStream;
import java.util.Optional;

/** Seed 004's image uploads: store a cleaned copy under a random name, and serve it back. */
public interface UploadImageUseCase {
    /** A stored image: {@code name} is what {@link #open} takes (and the last segment of its URL). */
    record StoredImage(String name, String contentType, long size, int width, int height) {
    }

    /** A stored image's bytes with its media type. */
    record ImageContent(String contentType, InputStream bytes) {
    }

    /**
     * Checks, cleans and stores the upload. PayloadTooLargeException above the size limit, UnsupportedMediaTypeException
     * when it is no JPEG, PNG or WebP, InvalidValueException when it is broken or has too many pixels. Nothing is
     * stored on failure.
     */
    StoredImage upload(byte[] file);

    /** The image stored under {@code name}; empty for an unknown or malformed name. */
    Optional<ImageContent> open(String name);
}
