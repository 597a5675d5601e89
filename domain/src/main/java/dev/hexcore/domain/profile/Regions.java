package dev.hexcore.domain.profile;

import static dev.hexcore.domain.profile.PassportAuthority.DIRECTORATE;
import static dev.hexcore.domain.profile.PassportAuthority.MAIN_DIRECTORATE;
import static dev.hexcore.domain.profile.PassportAuthority.REPUBLIC_MINISTRY;

import java.util.List;
import java.util.Optional;

/**
 * Twenty-two real regions of Russia with their real OKATO and subject codes, passport authorities and cities with
 * real postcode ranges. Profiles take their region, address, passport series, division code and INN prefix from here,
 * so those always agree.
 */
public final class Regions {
    private static final List<Region> ALL = List.of(
            new Region("Москва", "Moscow", "45", "77", MAIN_DIRECTORATE, "г. Москве", "Moscow", List.of(
                    new City("Москва", "Moscow", 101_000, 129_347))),
            new Region("Санкт-Петербург", "Saint Petersburg", "40", "78", MAIN_DIRECTORATE,
                    "г. Санкт-Петербургу и Ленинградской области", "Saint Petersburg and Leningrad Oblast", List.of(
                    new City("Санкт-Петербург", "Saint Petersburg", 190_000, 199_406))),
            new Region("Московская область", "Moscow Oblast", "46", "50", MAIN_DIRECTORATE, "Московской области",
                    "Moscow Oblast", List.of(
                    new City("Подольск", "Podolsk", 142_100, 142_121),
                    new City("Химки", "Khimki", 141_400, 141_421),
                    new City("Балашиха", "Balashikha", 143_900, 143_916),
                    new City("Мытищи", "Mytishchi", 141_000, 141_031),
                    new City("Королёв", "Korolyov", 141_060, 141_080),
                    new City("Люберцы", "Lyubertsy", 140_000, 140_015),
                    new City("Коломна", "Kolomna", 140_400, 140_415),
                    new City("Одинцово", "Odintsovo", 143_000, 143_010))),
            new Region("Ленинградская область", "Leningrad Oblast", "41", "47", MAIN_DIRECTORATE,
                    "г. Санкт-Петербургу и Ленинградской области", "Saint Petersburg and Leningrad Oblast", List.of(
                    new City("Гатчина", "Gatchina", 188_300, 188_310),
                    new City("Выборг", "Vyborg", 188_800, 188_811),
                    new City("Всеволожск", "Vsevolozhsk", 188_640, 188_645),
                    new City("Тихвин", "Tikhvin", 187_550, 187_556))),
            new Region("Республика Татарстан", "Republic of Tatarstan", "92", "16", REPUBLIC_MINISTRY,
                    "Республике Татарстан", "the Republic of Tatarstan", List.of(
                    new City("Казань", "Kazan", 420_000, 420_140),
                    new City("Набережные Челны", "Naberezhnye Chelny", 423_800, 423_841),
                    new City("Нижнекамск", "Nizhnekamsk", 423_570, 423_587),
                    new City("Альметьевск", "Almetyevsk", 423_450, 423_462))),
            new Region("Республика Башкортостан", "Republic of Bashkortostan", "80", "02", REPUBLIC_MINISTRY,
                    "Республике Башкортостан", "the Republic of Bashkortostan", List.of(
                    new City("Уфа", "Ufa", 450_000, 450_112),
                    new City("Стерлитамак", "Sterlitamak", 453_100, 453_130),
                    new City("Салават", "Salavat", 453_250, 453_266))),
            new Region("Свердловская область", "Sverdlovsk Oblast", "65", "66", MAIN_DIRECTORATE,
                    "Свердловской области", "Sverdlovsk Oblast", List.of(
                    new City("Екатеринбург", "Yekaterinburg", 620_000, 620_149),
                    new City("Нижний Тагил", "Nizhny Tagil", 622_000, 622_052),
                    new City("Каменск-Уральский", "Kamensk-Uralsky", 623_400, 623_439))),
            new Region("Новосибирская область", "Novosibirsk Oblast", "50", "54", MAIN_DIRECTORATE,
                    "Новосибирской области", "Novosibirsk Oblast", List.of(
                    new City("Новосибирск", "Novosibirsk", 630_000, 630_133),
                    new City("Бердск", "Berdsk", 633_000, 633_011))),
            new Region("Нижегородская область", "Nizhny Novgorod Oblast", "22", "52", MAIN_DIRECTORATE,
                    "Нижегородской области", "Nizhny Novgorod Oblast", List.of(
                    new City("Нижний Новгород", "Nizhny Novgorod", 603_000, 603_163),
                    new City("Дзержинск", "Dzerzhinsk", 606_000, 606_039),
                    new City("Арзамас", "Arzamas", 607_220, 607_233))),
            new Region("Самарская область", "Samara Oblast", "36", "63", MAIN_DIRECTORATE, "Самарской области",
                    "Samara Oblast", List.of(
                    new City("Самара", "Samara", 443_000, 443_125),
                    new City("Тольятти", "Tolyatti", 445_000, 445_057),
                    new City("Сызрань", "Syzran", 446_001, 446_031))),
            new Region("Краснодарский край", "Krasnodar Krai", "03", "23", MAIN_DIRECTORATE, "Краснодарскому краю",
                    "Krasnodar Krai", List.of(
                    new City("Краснодар", "Krasnodar", 350_000, 350_089),
                    new City("Сочи", "Sochi", 354_000, 354_068),
                    new City("Новороссийск", "Novorossiysk", 353_900, 353_925),
                    new City("Армавир", "Armavir", 352_900, 352_931))),
            new Region("Ростовская область", "Rostov Oblast", "60", "61", MAIN_DIRECTORATE, "Ростовской области",
                    "Rostov Oblast", List.of(
                    new City("Ростов-на-Дону", "Rostov-on-Don", 344_000, 344_113),
                    new City("Таганрог", "Taganrog", 347_900, 347_942),
                    new City("Шахты", "Shakhty", 346_500, 346_527))),
            new Region("Челябинская область", "Chelyabinsk Oblast", "75", "74", MAIN_DIRECTORATE,
                    "Челябинской области", "Chelyabinsk Oblast", List.of(
                    new City("Челябинск", "Chelyabinsk", 454_000, 454_139),
                    new City("Магнитогорск", "Magnitogorsk", 455_000, 455_051),
                    new City("Златоуст", "Zlatoust", 456_200, 456_229))),
            new Region("Пермский край", "Perm Krai", "57", "59", MAIN_DIRECTORATE, "Пермскому краю", "Perm Krai",
                    List.of(
                    new City("Пермь", "Perm", 614_000, 614_113),
                    new City("Березники", "Berezniki", 618_400, 618_426))),
            new Region("Воронежская область", "Voronezh Oblast", "20", "36", MAIN_DIRECTORATE,
                    "Воронежской области", "Voronezh Oblast", List.of(
                    new City("Воронеж", "Voronezh", 394_000, 394_095),
                    new City("Борисоглебск", "Borisoglebsk", 397_160, 397_171))),
            new Region("Волгоградская область", "Volgograd Oblast", "18", "34", MAIN_DIRECTORATE,
                    "Волгоградской области", "Volgograd Oblast", List.of(
                    new City("Волгоград", "Volgograd", 400_000, 400_138),
                    new City("Волжский", "Volzhsky", 404_100, 404_133))),
            new Region("Красноярский край", "Krasnoyarsk Krai", "04", "24", MAIN_DIRECTORATE, "Красноярскому краю",
                    "Krasnoyarsk Krai", List.of(
                    new City("Красноярск", "Krasnoyarsk", 660_000, 660_135),
                    new City("Норильск", "Norilsk", 663_300, 663_340),
                    new City("Ачинск", "Achinsk", 662_150, 662_179))),
            new Region("Иркутская область", "Irkutsk Oblast", "25", "38", MAIN_DIRECTORATE, "Иркутской области",
                    "Irkutsk Oblast", List.of(
                    new City("Иркутск", "Irkutsk", 664_000, 664_082),
                    new City("Братск", "Bratsk", 665_700, 665_734),
                    new City("Ангарск", "Angarsk", 665_800, 665_841))),
            new Region("Омская область", "Omsk Oblast", "52", "55", DIRECTORATE, "Омской области", "Omsk Oblast",
                    List.of(
                    new City("Омск", "Omsk", 644_000, 644_123))),
            new Region("Тульская область", "Tula Oblast", "70", "71", DIRECTORATE, "Тульской области", "Tula Oblast",
                    List.of(
                    new City("Тула", "Tula", 300_000, 300_062),
                    new City("Новомосковск", "Novomoskovsk", 301_650, 301_670))),
            new Region("Калининградская область", "Kaliningrad Oblast", "27", "39", DIRECTORATE,
                    "Калининградской области", "Kaliningrad Oblast", List.of(
                    new City("Калининград", "Kaliningrad", 236_000, 236_044),
                    new City("Советск", "Sovetsk", 238_750, 238_755))),
            new Region("Приморский край", "Primorsky Krai", "05", "25", DIRECTORATE, "Приморскому краю",
                    "Primorsky Krai", List.of(
                    new City("Владивосток", "Vladivostok", 690_000, 690_109),
                    new City("Находка", "Nakhodka", 692_900, 692_931),
                    new City("Уссурийск", "Ussuriysk", 692_500, 692_527))));

    private Regions() {
    }

    /** Every region, in a fixed order (generators index into it, so the order is part of determinism). */
    public static List<Region> all() {
        return ALL;
    }

    public static Optional<Region> bySubjectCode(String subjectCode) {
        return ALL.stream().filter(region -> region.subjectCode().equals(subjectCode)).findFirst();
    }

    public static Optional<Region> byOkato(String okato) {
        return ALL.stream().filter(region -> region.okato().equals(okato)).findFirst();
    }
}
