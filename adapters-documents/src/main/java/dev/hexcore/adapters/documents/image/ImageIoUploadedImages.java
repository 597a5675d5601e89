package dev.hexcore.adapters.documents.image;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.UnsupportedMediaTypeException;
import dev.hexcore.domain.upload.UploadedImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * {@link UploadedImages} with ImageIO (TwelveMonkeys' JPEG and WebP readers beside the JDK's PNG reader) and
 * Thumbnailator. The type comes from the magic bytes; the format's {@link ImageReader} reads only the header to refuse
 * a decompression bomb (a PNG claiming 50 000 × 50 000 costs a few bytes); Thumbnailator decodes at full size and
 * applies the EXIF orientation; a fresh file is written, which carries none of the upload's metadata. JPEG stays
 * JPEG (quality 0.9) and PNG stays PNG; WebP becomes PNG, because ImageIO here can read WebP but not write it.
 */
public final class ImageIoUploadedImages implements UploadedImages {
    private static final float JPEG_QUALITY = 0.9f;

    private enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    private final long maxPixels;
    private final int maxSide;

    /**
     * @param maxPixels largest width × height accepted (40 000 000 by default)
     * @param maxSide   longest side accepted (10 000)
     */
    public ImageIoUploadedImages(long maxPixels, int maxSide) {
        if (maxPixels < 1 || maxSide < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        ImageIO.setUseCache(false);
    }

    @Override
    public PreparedImage prepare(byte[] upload) {
        Format format = sniff(upload);
        checkDimensions(upload, format);
        boolean jpeg = format == Format.JPEG;
        BufferedImage upright;
        try {
            upright = Thumbnails.of(new ByteArrayInputStream(upload)).scale(1.0).useExifOrientation(true)
                    .imageType(jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB)
                    .asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw unreadable(format);
        }
        byte[] bytes = jpeg ? writeJpeg(upright) : writePng(upright);
        return new PreparedImage(jpeg ? "image/jpeg" : "image/png", jpeg ? "jpg" : "png", bytes, upright.getWidth(),
                upright.getHeight());
    }

    /** JPEG, PNG or WebP by their signatures; anything else is refused whatever it claims to be. */
    private static Format sniff(byte[] bytes) {
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

    /** Refuses an image too large by its header, before any pixel is decoded. */
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
                throw new InvalidValueException("file", "is " + width + " × " + height + " pixels; at most " + maxSide
                        + " pixels a side and " + maxPixels / 1_000_000 + " megapixels are accepted");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException invalid) throw invalid;
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] writePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the image", e);
        }
        return out.toByteArray();
    }

    private static byte[] writeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the image", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static InvalidValueException unreadable(Format format) {
        return new InvalidValueException("file", "is not a readable " + format.name() + " image");
    }
}
