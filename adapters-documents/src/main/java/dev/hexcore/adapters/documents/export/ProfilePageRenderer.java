package dev.hexcore.adapters.documents.export;

import dev.hexcore.adapters.documents.export.ProfileFonts.DocumentFonts;
import dev.hexcore.adapters.documents.export.ProfileSheet.Block;
import dev.hexcore.adapters.documents.export.ProfileSheet.Field;
import dev.hexcore.domain.profile.ProfileLocale;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws a {@link ProfileSheet} as the content of one A4 page: the title and the person's name, a two-column grid of
 * identifiers, the three framed blocks as label/value rows, and the footer.
 *
 * <p>Every profile fits on its one page. Values wrap within their column (at most {@value #VALUE_LINES} lines, then
 * cut with an ellipsis); when a profile with unusually long values would still run into the footer, the whole page
 * is laid out again in a smaller type, down to {@value #SMALLEST_SCALE} of the normal size.
 */
final class ProfilePageRenderer {
    private static final PDRectangle PAGE = SpooledPages.PAGE_SIZE;
    private static final float MARGIN_X = 50;
    private static final float MARGIN_TOP = 46;
    private static final float MARGIN_BOTTOM = 36;
    private static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    private static final float TOP = PAGE.getHeight() - MARGIN_TOP;
    private static final float FOOTER_SIZE = 8;
    private static final float FOOTER_HEIGHT = FOOTER_SIZE * 1.3f + 10;
    private static final float BOTTOM = MARGIN_BOTTOM + FOOTER_HEIGHT;
    private static final float LABEL_WIDTH = 145;
    private static final float PADDING = 8;
    private static final float GRID_GAP = 16;
    private static final int NAME_LINES = 2;
    private static final int LABEL_LINES = 2;
    private static final int VALUE_LINES = 3;
    private static final float SMALLEST_SCALE = 0.6f;
    private static final float[] SCALES = {1f, 0.9f, 0.8f, 0.7f, SMALLEST_SCALE};

    private static final float LABEL_GRAY = 0.38f;
    private static final float RULE_GRAY = 0.55f;
    private static final float SEPARATOR_GRAY = 0.85f;
    private static final float HEADING_FILL = 0.92f;

    private final DocumentFonts fonts;

    ProfilePageRenderer(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    /** Draws one page showing {@code sheet}. */
    void draw(PDPageContentStream content, ProfileSheet sheet) throws IOException {
        new Painter(content).draw(fit(sheet), sheet);
    }

    /** Draws a page that says, in both languages, that the export matched no profile. */
    void drawEmpty(PDPageContentStream content) throws IOException {
        Painter painter = new Painter(content);
        painter.text(fonts.bold(), 18, MARGIN_X, TOP - 18,
                Label.TITLE.in(ProfileLocale.RU) + " — " + Label.TITLE.in(ProfileLocale.EN));
        painter.text(fonts.regular(), 11, MARGIN_X, TOP - 48, "Нет профилей для экспорта. / No profiles to export.");
        painter.footer(Label.FOOTER.in(ProfileLocale.RU), null);
    }

    private Layout fit(ProfileSheet sheet) throws IOException {
        Layout layout = null;
        for (float scale : SCALES) {
            layout = layout(sheet, new Sizes(scale));
            if (TOP - layout.height() >= BOTTOM) return layout;
        }
        return layout;
    }

    private Layout layout(ProfileSheet sheet, Sizes s) throws IOException {
        float createdWidth = fonts.regular().width(createdText(sheet), s.caption);
        String title = fit(fonts.bold(), sheet.title(), s.title, CONTENT_WIDTH - createdWidth - GRID_GAP);
        List<String> name = PageText.wrap(fonts.bold(), sheet.name(), s.name, CONTENT_WIDTH, NAME_LINES);
        float height = s.line(s.title) + name.size() * s.line(s.name) + s.gap(14);

        float cellWidth = (CONTENT_WIDTH - GRID_GAP) / 2;
        List<List<List<String>>> grid = new ArrayList<>();
        List<Field> ids = sheet.identifiers();
        for (int i = 0; i < ids.size(); i += 2) {
            List<List<String>> row = new ArrayList<>(2);
            int lines = 1;
            for (int j = i; j < Math.min(i + 2, ids.size()); j++) {
                List<String> value = PageText.wrap(fonts.regular(), ids.get(j).value(), s.body, cellWidth, 2);
                row.add(value);
                lines = Math.max(lines, value.size());
            }
            grid.add(row);
            height += s.line(s.caption) + lines * s.line(s.body) + s.gap(6);
        }
        height += s.gap(6);

        float valueWidth = CONTENT_WIDTH - 2 * PADDING - LABEL_WIDTH - PADDING;
        List<LaidBlock> blocks = new ArrayList<>();
        for (int b = 0; b < sheet.blocks().size(); b++) {
            Block block = sheet.blocks().get(b);
            List<LaidRow> rows = new ArrayList<>();
            float blockHeight = s.headingBar() + s.gap(3) + s.gap(3);
            for (Field field : block.fields()) {
                List<String> label = PageText.wrap(fonts.regular(), field.label(), s.body, LABEL_WIDTH, LABEL_LINES);
                List<String> value = PageText.wrap(fonts.regular(), field.value(), s.body, valueWidth, VALUE_LINES);
                float rowHeight = Math.max(label.size(), value.size()) * s.line(s.body) + s.gap(4);
                rows.add(new LaidRow(label, value, rowHeight));
                blockHeight += rowHeight;
            }
            blocks.add(new LaidBlock(fit(fonts.bold(), block.title(), s.heading, CONTENT_WIDTH - 2 * PADDING), rows,
                    blockHeight));
            height += blockHeight + (b > 0 ? s.gap(12) : 0);
        }
        return new Layout(s, title, name, grid, blocks, height);
    }

    private String fit(PageFont font, String text, float size, float width) throws IOException {
        return PageText.wrap(font, text, size, width, 1).get(0);
    }

    private static String createdText(ProfileSheet sheet) {
        return sheet.created().label() + ": " + sheet.created().value();
    }

    /** Type sizes and spacing at one scale of the normal layout. */
    private static final class Sizes {
        final float scale;
        final float title;
        final float name;
        final float heading;
        final float body;
        final float caption;

        Sizes(float scale) {
            this.scale = scale;
            this.title = 18 * scale;
            this.name = 15 * scale;
            this.heading = 11 * scale;
            this.body = 10 * scale;
            this.caption = 8 * scale;
        }

        /** Height of one line of type {@code size}. */
        float line(float size) {
            return size * 1.3f;
        }

        /** Distance from the top of a line to its baseline. */
        float baseline(float size) {
            return size;
        }

        float gap(float points) {
            return points * scale;
        }

        float headingBar() {
            return heading + gap(9);
        }
    }

    private record LaidRow(List<String> label, List<String> value, float height) {
    }

    private record LaidBlock(String title, List<LaidRow> rows, float height) {
    }

    private record Layout(Sizes sizes, String title, List<String> name, List<List<List<String>>> grid,
                          List<LaidBlock> blocks, float height) {
    }

    /** Draws a laid-out page top-down with the same measures the layout used. */
    private final class Painter {
        private final PDPageContentStream cs;

        Painter(PDPageContentStream cs) {
            this.cs = cs;
        }

        void draw(Layout layout, ProfileSheet sheet) throws IOException {
            Sizes s = layout.sizes();
            float y = TOP;
            text(fonts.bold(), s.title, MARGIN_X, y - s.baseline(s.title), layout.title());
            String created = createdText(sheet);
            float createdWidth = fonts.regular().width(created, s.caption);
            gray(LABEL_GRAY);
            text(fonts.regular(), s.caption, MARGIN_X + CONTENT_WIDTH - createdWidth, y - s.baseline(s.title), created);
            gray(0);
            y -= s.line(s.title);
            for (String line : layout.name()) {
                text(fonts.bold(), s.name, MARGIN_X, y - s.baseline(s.name), line);
                y -= s.line(s.name);
            }
            y -= s.gap(6);
            rule(MARGIN_X, MARGIN_X + CONTENT_WIDTH, y, RULE_GRAY, 0.8f);
            y -= s.gap(8);

            float cellWidth = (CONTENT_WIDTH - GRID_GAP) / 2;
            List<Field> ids = sheet.identifiers();
            for (int r = 0; r < layout.grid().size(); r++) {
                List<List<String>> row = layout.grid().get(r);
                int lines = 1;
                for (int c = 0; c < row.size(); c++) {
                    float x = MARGIN_X + c * (cellWidth + GRID_GAP);
                    gray(LABEL_GRAY);
                    text(fonts.regular(), s.caption, x, y - s.baseline(s.caption), ids.get(r * 2 + c).label());
                    gray(0);
                    float lineTop = y - s.line(s.caption);
                    for (String line : row.get(c)) {
                        text(fonts.regular(), s.body, x, lineTop - s.baseline(s.body), line);
                        lineTop -= s.line(s.body);
                    }
                    lines = Math.max(lines, row.get(c).size());
                }
                y -= s.line(s.caption) + lines * s.line(s.body) + s.gap(6);
            }
            y -= s.gap(6);

            for (int b = 0; b < layout.blocks().size(); b++) {
                if (b > 0) y -= s.gap(12);
                y = block(s, layout.blocks().get(b), y);
            }
            footer(sheet.footer(), sheet.profileId().label() + ": " + sheet.profileId().value());
        }

        /** Draws a framed block whose top edge is at {@code top}; returns its bottom edge. */
        private float block(Sizes s, LaidBlock block, float top) throws IOException {
            float left = MARGIN_X;
            float bottom = top - block.height();
            float bar = s.headingBar();
            cs.setNonStrokingColor(HEADING_FILL);
            cs.addRect(left, top - bar, CONTENT_WIDTH, bar);
            cs.fill();
            gray(0);
            text(fonts.bold(), s.heading, left + PADDING, top - bar + (bar - s.heading) / 2 + s.heading * 0.22f,
                    block.title());

            float y = top - bar - s.gap(3);
            float valueX = left + PADDING + LABEL_WIDTH + PADDING;
            for (int i = 0; i < block.rows().size(); i++) {
                LaidRow row = block.rows().get(i);
                if (i > 0) rule(left + PADDING, left + CONTENT_WIDTH - PADDING, y, SEPARATOR_GRAY, 0.4f);
                float lineTop = y - s.gap(2);
                gray(LABEL_GRAY);
                lines(fonts.regular(), s, left + PADDING, lineTop, row.label());
                gray(0);
                lines(fonts.regular(), s, valueX, lineTop, row.value());
                y -= row.height();
            }

            cs.setStrokingColor(RULE_GRAY);
            cs.setLineWidth(0.8f);
            cs.addRect(left, bottom, CONTENT_WIDTH, block.height());
            cs.stroke();
            return bottom;
        }

        private void lines(PageFont font, Sizes s, float x, float top, List<String> lines) throws IOException {
            float lineTop = top;
            for (String line : lines) {
                text(font, s.body, x, lineTop - s.baseline(s.body), line);
                lineTop -= s.line(s.body);
            }
        }

        void footer(String note, String id) throws IOException {
            float baseline = MARGIN_BOTTOM + 2;
            rule(MARGIN_X, MARGIN_X + CONTENT_WIDTH, MARGIN_BOTTOM + FOOTER_HEIGHT - 4, RULE_GRAY, 0.5f);
            gray(LABEL_GRAY);
            String shownId = id == null ? "" : fonts.regular().printable(id);
            float idWidth = fonts.regular().width(shownId, FOOTER_SIZE);
            text(fonts.regular(), FOOTER_SIZE, MARGIN_X, baseline,
                    fit(fonts.regular(), note, FOOTER_SIZE, CONTENT_WIDTH - idWidth - GRID_GAP));
            text(fonts.regular(), FOOTER_SIZE, MARGIN_X + CONTENT_WIDTH - idWidth, baseline, shownId);
            gray(0);
        }

        void text(PageFont font, float size, float x, float y, String text) throws IOException {
            if (text.isEmpty()) return;
            cs.beginText();
            cs.setFont(font.pdf(), size);
            cs.newLineAtOffset(x, y);
            cs.showText(font.printable(text));
            cs.endText();
        }

        private void rule(float fromX, float toX, float y, float gray, float width) throws IOException {
            cs.setStrokingColor(gray);
            cs.setLineWidth(width);
            cs.moveTo(fromX, y);
            cs.lineTo(toX, y);
            cs.stroke();
        }

        private void gray(float value) throws IOException {
            cs.setNonStrokingColor(value);
        }
    }
}
