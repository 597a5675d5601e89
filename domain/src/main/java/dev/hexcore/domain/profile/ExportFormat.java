package dev.hexcore.domain.profile;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Locale;

/** The file an export produces. */
public enum ExportFormat {
    JSON("application/json", "json"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }
    public String code() { return name().toLowerCase(Locale.ROOT); }

    public static ExportFormat parse(String code) {
        if (code != null) {
            for (ExportFormat format : values()) {
                if (format.code().equalsIgnoreCase(code.strip())) return format;
            }
        }
        throw new InvalidValueException("format", "must be 'json' or 'pdf'");
    }
}
