package dev.hexcore.domain.generation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/** An image as bytes with its MIME type ({@code image/png}, {@code image/jpeg}, {@code image/webp}). */
public record ImageData(String mimeType, byte[] bytes) {
    /** The media types an input image of the gateway may have (what the image models take). */
    public static final Set<String> INPUT_TYPES =
            Set.of("image/png", "image/jpeg", "image/webp", "image/heic", "image/heif");

    public ImageData {
        Objects.requireNonNull(mimeType, "mimeType");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageData that && mimeType.equals(that.mimeType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ImageData[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
