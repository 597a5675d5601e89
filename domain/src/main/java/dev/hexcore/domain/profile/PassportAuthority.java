package dev.hexcore.domain.profile;

/**
 * The kind of regional police authority whose units issue passports: a main directorate (large regions), a republic's
 * own ministry, or a directorate. Before June 2016 the Federal Migration Service issued them instead.
 */
public enum PassportAuthority {
    MAIN_DIRECTORATE("ГУ МВД России", "Main Directorate of the Ministry of Internal Affairs of Russia"),
    REPUBLIC_MINISTRY("МВД", "Ministry of Internal Affairs"),
    DIRECTORATE("УМВД России", "Directorate of the Ministry of Internal Affairs of Russia");

    static final String MIGRATION_SERVICE_RU = "УФМС России";
    static final String MIGRATION_SERVICE_EN = "Office of the Federal Migration Service of Russia";

    private final String nameRu;
    private final String nameEn;

    PassportAuthority(String nameRu, String nameEn) {
        this.nameRu = nameRu;
        this.nameEn = nameEn;
    }

    public String nameRu() { return nameRu; }
    public String nameEn() { return nameEn; }
}
