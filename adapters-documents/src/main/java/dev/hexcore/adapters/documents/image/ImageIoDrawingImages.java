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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * model's input square (never enlarging it), and the result is written as a fresh PNG, which carries none of the
 * upload's metadata. The work runs on a pool of platform threads, one per processor.
 */
public final class ImageIoDrawingImages implements DrawingImages, AutoCloseable {
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
    private final ExecutorService workers;

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
        this.workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("drawing-prep-", 0).daemon().factory());
        ImageIO.setUseCache(false);
    }

    /**
     * Runs on one of this adapter's platform threads and waits for it: decoding and encoding are seconds of CPU under
     * load, and on a virtual thread's carrier they would keep requests that hold a database transaction from running.
     */
    @Override
    public ImageData prepare(byte[] upload) {
        Future<ImageData> prepared = workers.submit(() -> prepareHere(upload));
        try {
            return prepared.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException("Preparing a drawing failed", e.getCause());
        } catch (InterruptedException e) {
            prepared.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing a drawing", e);
        }
    }

    private ImageData prepareHere(byte[] upload) {
        Format format = sniff(upload);
        int longerSide = checkDimensions(upload, format);
        BufferedImage upright;
        try {
            var builder = Thumbnails.of(new ByteArrayInputStream(upload)).useExifOrientation(true)
                    .imageType(BufferedImage.TYPE_INT_ARGB);
            // fitted down into the model's input square, never enlarged: a bigger picture would add no detail
            if (longerSide > inputSize) builder.size(inputSize, inputSize).keepAspectRatio(true);
            else builder.scale(1.0);
            upright = builder.asBufferedImage();
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

    /** Stops the preparing threads once the drawings in progress are done. */
    @Override
    public void close() {
        workers.shutdown();
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

    /** Refuses an image too large by its header; returns its longer side. */
    private int checkDimensions(byte[] upload, Format format) {
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
            return (int) Math.max(width, height);
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
