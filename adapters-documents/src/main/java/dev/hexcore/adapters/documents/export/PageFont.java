package dev.hexcore.adapters.documents.export;

import java.io.IOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A font embedded in one document, with what the layout needs: the width of a text and a version of any text that
 * the font can show (so a stray emoji or control character in a value never fails a page).
 */
final class PageFont {
    static final char MISSING = '?';

    private final PDType0Font font;
    private final CmapLookup cmap;

    private PageFont(PDType0Font font, CmapLookup cmap) {
        this.font = font;
        this.cmap = cmap;
    }

    static PageFont embed(PDDocument document, TrueTypeFont ttf) throws IOException {
        return new PageFont(PDType0Font.load(document, ttf, true), ttf.getUnicodeCmapLookup());
    }

    PDType0Font pdf() {
        return font;
    }

    /** {@code text} with line breaks and other controls as spaces and characters the font lacks as {@code ?}. */
    String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int replacement = cp;
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') replacement = ' ';
            else if (cmap.getGlyphId(cp) <= 0) replacement = MISSING;
            if (replacement != cp && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null) out.appendCodePoint(replacement);
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** Width in points of printable {@code text} at {@code size}. */
    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }
}
