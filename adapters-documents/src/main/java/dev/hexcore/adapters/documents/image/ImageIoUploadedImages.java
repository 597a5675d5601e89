package dev.hexcore.adapters.documents.image;

import dev.hexcore.adapters.documents.image.ImageHeaders.Format;
import dev.hexcore.domain.upload.UploadedImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * {@link UploadedImages} with ImageIO (TwelveMonkeys' JPEG and WebP readers beside the JDK's PNG reader) and
 * Thumbnailator. The type comes from the magic bytes; the format's ImageReader ({@link ImageHeaders}) reads only the
 * header to refuse a decompression bomb (a PNG claiming 50 000 × 50 000 costs a few bytes); Thumbnailator decodes at
 * full size and applies the EXIF orientation; a fresh file is written, which carries none of the upload's metadata.
 * JPEG stays JPEG (quality 0.9) and PNG stays PNG; WebP becomes PNG, because ImageIO here can read WebP but not
 * write it.
 */
public final class ImageIoUploadedImages implements UploadedImages {
    private static final float JPEG_QUALITY = 0.9f;

    private final ImageHeaders headers;

    /**
     * @param maxPixels largest width × height accepted (40 000 000 by default)
     * @param maxSide   longest side accepted (10 000)
     */
    public ImageIoUploadedImages(long maxPixels, int maxSide) {
        if (maxPixels < 1 || maxSide < 1) throw new IllegalArgumentException("limits must be positive");
        this.headers = new ImageHeaders(maxPixels, maxSide, "file");
        ImageIO.setUseCache(false);
    }

    @Override
    public PreparedImage prepare(byte[] upload) {
        Format format = ImageHeaders.sniff(upload);
        headers.checkedLongerSide(upload, format);
        boolean jpeg = format == Format.JPEG;
        BufferedImage upright;
        try {
            upright = Thumbnails.of(new ByteArrayInputStream(upload)).scale(1.0).useExifOrientation(true)
                    .imageType(jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB)
                    .asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw headers.unreadable(format);
        }
        byte[] bytes = jpeg ? writeJpeg(upright) : writePng(upright);
        return new PreparedImage(jpeg ? "image/jpeg" : "image/png", jpeg ? "jpg" : "png", bytes, upright.getWidth(),
                upright.getHeight());
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
}
