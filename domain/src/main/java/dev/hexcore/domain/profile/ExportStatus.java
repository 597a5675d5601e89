package dev.hexcore.domain.profile;

import java.util.Locale;

/** pending → running → succeeded | failed; a succeeded export whose file was cleaned up becomes expired. */
public enum ExportStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
