package dev.hexcore.domain.profile;

import java.util.List;

/** Large real banks with their real head-office BIK and correspondent account (each checked by {@link Bank}). */
public final class Banks {
    private static final List<Bank> ALL = List.of(
            new Bank("ПАО Сбербанк", "Sberbank", "044525225", "30101810400000000225"),
            new Bank("Банк ВТБ (ПАО)", "VTB Bank", "044525187", "30101810700000000187"),
            new Bank("АО «Альфа-Банк»", "Alfa-Bank", "044525593", "30101810200000000593"),
            new Bank("АО «ТБанк»", "T-Bank", "044525974", "30101810145250000974"),
            new Bank("Банк ГПБ (АО)", "Gazprombank", "044525823", "30101810200000000823"),
            new Bank("АО «Райффайзенбанк»", "Raiffeisenbank", "044525700", "30101810200000000700"),
            new Bank("АО «Россельхозбанк»", "Russian Agricultural Bank", "044525111", "30101810200000000111"),
            new Bank("ПАО «Совкомбанк»", "Sovcombank", "043469743", "30101810300000000743"),
            new Bank("ПАО «Промсвязьбанк»", "Promsvyazbank", "044525555", "30101810400000000555"),
            new Bank("ПАО «МТС-Банк»", "MTS Bank", "044525232", "30101810600000000232"),
            new Bank("ПАО «АК БАРС» БАНК", "AK BARS Bank", "049205805", "30101810000000000805"),
            new Bank("ПАО «БАНК УРАЛСИБ»", "Bank URALSIB", "044525787", "30101810100000000787"),
            new Bank("ПАО «МОСКОВСКИЙ КРЕДИТНЫЙ БАНК»", "Credit Bank of Moscow", "044525659", "30101810745250000659"),
            new Bank("ПАО РОСБАНК", "Rosbank", "044525256", "30101810000000000256"),
            new Bank("АО «ОТП Банк»", "OTP Bank", "044525311", "30101810000000000311"),
            new Bank("КБ «Ренессанс Кредит» (ООО)", "Renaissance Credit", "044525135", "30101810845250000135"));

    private Banks() {
    }

    /** Every bank, in a fixed order (generators index into it, so the order is part of determinism). */
    public static List<Bank> all() {
        return ALL;
    }
}
