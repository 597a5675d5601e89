package dev.hexcore.domain.profile;

import java.util.List;

/**
 * Office and trade job titles with income ranges. Kept here rather than taken from Datafaker, whose Russian data has
 * no job titles, so that a title and its English form always belong together and the income fits the title.
 */
public final class Positions {
    private static final List<Position> ALL = List.of(
            new Position("Менеджер по продажам", "Sales Manager", 50_000, 150_000, 18),
            new Position("Продавец-консультант", "Sales Assistant", 35_000, 65_000, 18),
            new Position("Оператор call-центра", "Call Centre Operator", 35_000, 60_000, 18),
            new Position("Кладовщик", "Warehouse Keeper", 38_000, 70_000, 18),
            new Position("Водитель", "Driver", 45_000, 100_000, 19),
            new Position("Администратор", "Administrator", 40_000, 75_000, 18),
            new Position("Бухгалтер", "Accountant", 45_000, 110_000, 20),
            new Position("Экономист", "Economist", 50_000, 130_000, 21),
            new Position("Юрист", "Lawyer", 60_000, 200_000, 22),
            new Position("Инженер", "Engineer", 60_000, 150_000, 21),
            new Position("Электромонтёр", "Electrician", 50_000, 110_000, 18),
            new Position("Программист", "Software Developer", 90_000, 350_000, 19),
            new Position("Системный администратор", "System Administrator", 60_000, 160_000, 19),
            new Position("Логист", "Logistics Specialist", 55_000, 120_000, 20),
            new Position("Специалист по закупкам", "Purchasing Specialist", 55_000, 120_000, 20),
            new Position("Маркетолог", "Marketing Specialist", 60_000, 150_000, 20),
            new Position("Менеджер по персоналу", "HR Manager", 55_000, 130_000, 21),
            new Position("Ведущий инженер", "Lead Engineer", 90_000, 200_000, 25),
            new Position("Главный бухгалтер", "Chief Accountant", 90_000, 220_000, 27),
            new Position("Руководитель проекта", "Project Manager", 100_000, 280_000, 25),
            new Position("Руководитель отдела", "Head of Department", 120_000, 350_000, 28));

    private Positions() {
    }

    /** Every position, in a fixed order (generators index into it, so the order is part of determinism). */
    public static List<Position> all() {
        return ALL;
    }

    /** The positions someone of {@code age} can hold, in the same fixed order; never empty for ages from 18. */
    public static List<Position> forAge(int age) {
        return ALL.stream().filter(position -> position.minAge() <= age).toList();
    }
}
