package dev.hexcore.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    static Stream<Arguments> known() {
        return Stream.of(
                Arguments.of("admin", Role.ADMIN),
                Arguments.of("manager", Role.MANAGER),
                Arguments.of("florist", Role.FLORIST),
                Arguments.of("courier", Role.COURIER),
                Arguments.of("user", Role.USER),
                Arguments.of("ADMIN", Role.ADMIN),
                Arguments.of("Manager", Role.MANAGER),
                Arguments.of("  courier ", Role.COURIER));
    }

    @ParameterizedTest
    @MethodSource("known")
    void parse_accepts_the_wire_name_in_any_case_and_with_spaces(String value, Role expected) {
        assertThat(Role.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"superuser", "admins", "ad min", "0"})
    void parse_refuses_unknown_roles_on_the_roles_field(String value) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Role.parse(value))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly("roles"))
                .withMessageContaining("admin, manager, florist, courier, user");
    }

    @Test
    void every_role_round_trips_through_its_lower_case_wire_name() {
        for (Role role : Role.values()) {
            assertThat(role.wireName()).isLowerCase();
            assertThat(Role.parse(role.wireName())).isEqualTo(role);
        }
    }
}
