package dev.hexcore.domain.bot;

import java.util.Optional;
import java.util.regex.Pattern;

/** Seed 003's referral codes: {@code ref_<chat id of the referrer>}. */
public final class ReferralCode {
    private static final Pattern CODE = Pattern.compile("ref_(\\d{1,18})");

    private ReferralCode() {
    }

    public static String of(long chatId) {
        return "ref_" + chatId;
    }

    /** The referrer's chat id named by {@code code}, or empty for a missing or malformed code. */
    public static Optional<Long> referrer(String code) {
        if (code == null) return Optional.empty();
        var matcher = CODE.matcher(code.strip());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
