package dev.hexcore.adapters.documents.image;

import dev.hexcore.domain.bot.DrawingImages;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.UnsupportedMediaTypeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * {@link DrawingImages} with ImageIO (TwelveMonkeys' JPEG and WebP readers beside the JDK's PNG reader) and
 * Thumbnailator: the type comes from the magic bytes, never from a name or a header; the dimensions are read from the
 * image header by the format's {@link ImageReader} before a pixel is decoded, so a 100 000 × 100 000 "bomb" costs a
 * few bytes of reading; then Thumbnailator decodes it, turns it upright by its EXIF orientation and fits it into the
 * model's input square, and the result is written as a fresh PNG, which carries none of the upload's metadata.
 */
public final class ImageIoDrawingImages implements DrawingImages {
    private enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    private final long maxPixels;
    private final int maxSide;
    private final int inputSize;

    /**
     * @param maxPixels largest width × height accepted (40 000 000 by default)
     * @param maxSide   longest side accepted (10 000)
     * @param inputSize the model's input square: the result's longer side
     */
    public ImageIoDrawingImages(long maxPixels, int maxSide, int inputSize) {
        if (maxPixels < 1 || maxSide < 1 || inputSize < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.inputSize = inputSize;
        ImageIO.setUseCache(false);
    }

    @Override
    public ImageData prepare(byte[] upload) {
        Format format = sniff(upload);
        checkDimensions(upload, format);
        BufferedImage upright;
        try {
            upright = Thumbnails.of(new ByteArrayInputStream(upload)).size(inputSize, inputSize)
                    .keepAspectRatio(true).useExifOrientation(true).imageType(BufferedImage.TYPE_INT_ARGB)
                    .asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw unreadable(format);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(upright, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the prepared drawing", e);
        }
        return new ImageData("image/png", png.toByteArray());
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

    private void checkDimensions(byte[] upload, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) throw new IllegalStateException("no ImageIO reader for " + format);
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) throw unreadable(format);
            if (width > maxSide || height > maxSide || width * height > maxPixels) {
                throw new InvalidValueException("image", "is " + width + " × " + height + " pixels; at most " + maxSide
                        + " pixels a side and " + maxPixels / 1_000_000 + " megapixels are accepted");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException invalid) throw invalid;
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
    }

    private static InvalidValueException unreadable(Format format) {
        return new InvalidValueException("image", "is not a readable " + format.name() + " image");
    }
}
