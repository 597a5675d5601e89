package dev.hexcore.domain.upload;

/**
 * Turns an uploaded picture into one safe to serve: type by magic bytes (JPEG, PNG or WebP), dimensions checked from
 * the header before the pixels are decoded, decoded, turned upright by its orientation, and re-encoded without any
 * of the upload's metadata. Same shape as the bot's {@code DrawingImages} (issue 18), which also resizes.
 */
public interface UploadedImages {
    /** A re-encoded image: its bytes, media type, file extension and pixel size. */
    record PreparedImage(String contentType, String extension, byte[] bytes, int width, int height) {
        public PreparedImage {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public long size() {
            return bytes.length;
        }
    }

    /**
     * @throws dev.hexcore.domain.shared.UnsupportedMediaTypeException when the bytes are no JPEG, PNG or WebP
     * @throws dev.hexcore.domain.shared.InvalidValueException when the image is broken or too large in pixels
     */
    PreparedImage prepare(byte[] upload);
}
