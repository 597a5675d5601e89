package dev.hexcore.adapters.documents.export;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * DejaVu Sans, regular and bold, parsed once per JVM from the class path ({@code jasperreports-fonts}) and embedded
 * as subsets into each document. DejaVu Sans covers Latin, Cyrillic and the rouble sign ₽.
 *
 * <p>The parsed fonts live in memory for the life of the JVM and are shared by every document and thread: fontbox
 * reads a font's tables under its own locks, and a font parsed from bytes has nothing to close (embedding a subset
 * "closes" it, which is a no-op for in-memory data). Each document gets its own {@link PageFont}s, which record the
 * glyphs that document uses.
 *
 * <p>Native images must include the two resources {@link #REGULAR} and {@link #BOLD}
 * ({@code quarkus.native.resources.includes}).
 */
final class ProfileFonts {
    static final String REGULAR = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private static volatile ProfileFonts shared;

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    private ProfileFonts(TrueTypeFont regular, TrueTypeFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The fonts, parsed on first use; a failed load is tried again on the next call. */
    static ProfileFonts shared() throws IOException {
        ProfileFonts fonts = shared;
        if (fonts == null) {
            synchronized (ProfileFonts.class) {
                fonts = shared;
                if (fonts == null) {
                    fonts = new ProfileFonts(parse(REGULAR), parse(BOLD));
                    shared = fonts;
                }
            }
        }
        return fonts;
    }

    /** Fonts for one document: embedded as subsets, so the document carries only the glyphs it shows. */
    DocumentFonts embedIn(PDDocument document) throws IOException {
        return new DocumentFonts(PageFont.embed(document, regular), PageFont.embed(document, bold));
    }

    private static TrueTypeFont parse(String resource) throws IOException {
        ClassLoader loader = ProfileFonts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("Font " + resource + " is not on the class path");
            try (RandomAccessRead bytes = RandomAccessReadBuffer.createBufferFromStream(in)) {
                TrueTypeFont font = new TTFParser().parse(bytes);
                // No glyph substitution (ligatures): a form shows each character of a value as it is, which also
                // keeps copy and paste exact in every reader, and costs far less per line of text.
                font.setEnableGsub(false);
                warmUp(font);
                return font;
            }
        }
    }

    /** Reads every table embedding needs now, so that later use by many threads only reads parsed data. */
    private static void warmUp(TrueTypeFont font) throws IOException {
        font.getUnicodeCmapLookup();
        font.getHeader();
        font.getHorizontalHeader();
        font.getHorizontalMetrics();
        font.getMaximumProfile();
        font.getIndexToLocation();
        font.getGlyph();
        font.getNaming();
        font.getOS2Windows();
        font.getPostScript();
    }

    /** The regular and the bold face embedded in one document. */
    record DocumentFonts(PageFont regular, PageFont bold) {
    }
}
