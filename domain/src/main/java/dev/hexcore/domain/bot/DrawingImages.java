package dev.hexcore.domain.bot;

import dev.hexcore.domain.generation.ImageData;

/**
 * Turns an uploaded drawing into the model's input: type by magic bytes (JPEG, PNG or WebP), size checked before the
 * pixels are decoded, orientation applied, resized to the model's input size, metadata stripped.
 */
public interface DrawingImages {
    /**
     * @throws dev.hexcore.domain.shared.UnsupportedMediaTypeException when the bytes are no JPEG, PNG or WebP
     * @throws dev.hexcore.domain.shared.InvalidValueException when the image is broken or too large
     */
    ImageData prepare(byte[] upload);
}
