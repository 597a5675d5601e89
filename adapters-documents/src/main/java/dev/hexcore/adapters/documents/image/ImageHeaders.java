package dev.hexcore.adapters.documents.image;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.UnsupportedMediaTypeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The checks every uploaded image goes through before a pixel is decoded, shared by the drawings of the bot and the
 * CRM's uploads: the type from the magic bytes (never a name or a header), and the dimensions from the image header
 * by the format's {@link ImageReader}, so a 100 000 × 100 000 "bomb" costs a few bytes of reading.
 */
final class ImageHeaders {
    enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    private final long maxPixels;
    private final int maxSide;
    private final String field;

    /**
     * @param maxPixels largest width × height accepted
     * @param maxSide   longest side accepted
     * @param field     the request field a refusal names
     */
    ImageHeaders(long maxPixels, int maxSide, String field) {
        if (maxPixels < 1 || maxSide < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.field = field;
    }

    /** JPEG, PNG or WebP by their signatures; anything else is refused whatever it claims to be. */
    static Format sniff(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
            return Format.PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Format.WEBP;
        }
        throw new UnsupportedMediaTypeException("The image must be a JPEG, PNG or WebP file");
    }

    /** Refuses an image too large by its header, before any pixel is decoded; returns its longer side. */
    int checkedLongerSide(byte[] upload, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) throw new IllegalStateException("no ImageIO reader for " + format);
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) throw unreadable(format);
            if (width > maxSide || height > maxSide || width * height > maxPixels) {
                throw new InvalidValueException(field, "is " + width + " × " + height + " pixels; at most " + maxSide
                        + " pixels a side and " + maxPixels / 1_000_000 + " megapixels are accepted");
            }
            return (int) Math.max(width, height);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException invalid) throw invalid;
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
    }

    InvalidValueException unreadable(Format format) {
        return new InvalidValueException(field, "is not a readable " + format.name() + " image");
    }
}
