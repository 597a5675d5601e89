package dev.hexcore.adapters.documents.image;

import dev.hexcore.adapters.documents.image.ImageHeaders.Format;
import dev.hexcore.domain.bot.DrawingImages;
import dev.hexcore.domain.generation.ImageData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * {@link DrawingImages} with ImageIO (TwelveMonkeys' JPEG and WebP readers beside the JDK's PNG reader) and
 * Thumbnailator: the type comes from the magic bytes, never from a name or a header; the dimensions are read from
 * the image header by the format's ImageReader ({@link ImageHeaders}) before a pixel is decoded, so a 100 000 × 100
 * 000 "bomb" costs a few bytes of reading; then Thumbnailator decodes it, turns it upright by its EXIF orientation
 * and fits it into the model's input square (never enlarging it), and the result is written as a fresh PNG, which
 * carries none of the upload's metadata. The work runs on a pool of platform threads, one per processor.
 */
public final class ImageIoDrawingImages implements DrawingImages, AutoCloseable {
    private final ImageHeaders headers;
    private final int inputSize;
    private final ExecutorService workers;

    /**
     * @param maxPixels largest width × height accepted (40 000 000 by default)
     * @param maxSide   longest side accepted (10 000)
     * @param inputSize the model's input square: the result's longer side
     */
    public ImageIoDrawingImages(long maxPixels, int maxSide, int inputSize) {
        if (maxPixels < 1 || maxSide < 1 || inputSize < 1) throw new IllegalArgumentException("limits must be positive");
        this.headers = new ImageHeaders(maxPixels, maxSide, "image");
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
        Format format = ImageHeaders.sniff(upload);
        int longerSide = headers.checkedLongerSide(upload, format);
        BufferedImage upright;
        try {
            var builder = Thumbnails.of(new ByteArrayInputStream(upload)).useExifOrientation(true)
                    .imageType(BufferedImage.TYPE_INT_ARGB);
            // fitted down into the model's input square, never enlarged: a bigger picture would add no detail
            if (longerSide > inputSize) builder.size(inputSize, inputSize).keepAspectRatio(true);
            else builder.scale(1.0);
            upright = builder.asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw headers.unreadable(format);
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
}
