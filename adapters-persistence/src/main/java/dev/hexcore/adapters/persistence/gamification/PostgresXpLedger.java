package dev.hexcore.adapters.persistence.gamification;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.gamification.XpLedger;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** {@code users.xp}, added to in place so concurrent awards never overwrite each other. */
@ApplicationScoped
public class PostgresXpLedger implements XpLedger {
    private final AgroalDataSource dataSource;

    public PostgresXpLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long add(UUID userId, long amount) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("update users set xp = xp + ? where id = ? returning xp")) {
                update.setLong(1, amount);
                update.setObject(2, userId);
                return single(update);
            }
        });
    }

    @Override
    public long total(UUID userId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select xp from users where id = ?")) {
                select.setObject(1, userId);
                return single(select);
            }
        });
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0L;
        }
    }
}
