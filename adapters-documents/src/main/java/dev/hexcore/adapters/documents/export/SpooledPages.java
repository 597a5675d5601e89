package dev.hexcore.adapters.documents.export;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The pages of one document, kept out of memory until it is saved: each page's content stream is compressed as it is
 * drawn and appended to a temporary file, and only its offset and length stay on the heap (12 bytes a page). When the
 * document is assembled ({@link #attachTo}), every page becomes a small dictionary whose content is a view on that
 * file, and the pages inherit one A4 media box and one resource dictionary (the shared fonts) from the page tree.
 *
 * <p>PDFBox's own stream cache would keep a 4 KB buffer on the heap for every page content stream, even with a
 * temporary file behind it; this keeps a many-thousand-page export's heap small. {@link #close()} deletes the file.
 */
final class SpooledPages implements Closeable {
    static final PDRectangle PAGE_SIZE = PDRectangle.A4;

    /** Draws the content of one page. */
    @FunctionalInterface
    interface Drawing {
        void draw(PDPageContentStream content) throws IOException;
    }

    private final PDDocument document;
    private final PDResources resources = new PDResources();
    private final PDAppearanceStream resourceHolder = new PDAppearanceStream(new COSStream());
    /** Fastest level: page streams are short text operators; a quarter of render time went to the default level. */
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final ByteArrayOutputStream page = new ByteArrayOutputStream(8 * 1024);
    private final Path file;
    private final OutputStream spool;
    private long spooled;
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int count;
    private RandomAccessRead reader;

    SpooledPages(PDDocument document) throws IOException {
        this.document = document;
        resourceHolder.setResources(resources);
        file = Files.createTempFile("hexcore-pdf-", ".pages");
        try {
            spool = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Draws a new page and spools its content. Pages keep the order they are added in. */
    void add(Drawing drawing) throws IOException {
        if (reader != null) throw new IllegalStateException("The pages are already attached to the document");
        page.reset();
        deflater.reset();
        // The appearance-stream constructor writes page content operators to any stream, registering the fonts in
        // the shared resources; the page dictionary is made later, around the spooled bytes.
        try (PDPageContentStream content = new PDPageContentStream(document, resourceHolder,
                new DeflaterOutputStream(page, deflater, 4 * 1024))) {
            drawing.draw(content);
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = spooled;
        lengths[count] = page.size();
        count++;
        page.writeTo(spool);
        spooled += page.size();
    }

    int count() {
        return count;
    }

    /** Where the page contents are spooled; gone once closed. */
    Path file() {
        return file;
    }

    /** Adds every spooled page to {@code document}'s page tree; call once, after the last {@link #add}. */
    void attachTo(PDDocument target) throws IOException {
        spool.close();
        reader = new RandomAccessReadBufferedFile(file);
        PDPageTree tree = target.getPages();
        tree.getCOSObject().setItem(COSName.MEDIA_BOX, PAGE_SIZE);
        tree.getCOSObject().setItem(COSName.RESOURCES, resources);
        for (int i = 0; i < count; i++) {
            COSStream content = new COSStream(null, new RandomAccessReadView(reader, offsets[i], lengths[i]));
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            COSDictionary dictionary = new COSDictionary();
            dictionary.setItem(COSName.TYPE, COSName.PAGE);
            dictionary.setItem(COSName.CONTENTS, content);
            tree.add(new PDPage(dictionary));
        }
    }

    @Override
    public void close() throws IOException {
        deflater.end();
        try {
            spool.close();
            if (reader != null) reader.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
