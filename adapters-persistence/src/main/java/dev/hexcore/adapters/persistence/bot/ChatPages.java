package dev.hexcore.adapters.persistence.bot;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One user's page and its total in one statement (ADR 0015): the count as a one-row subquery joined to the page with
 * {@code left join lateral … on true}, so a page past the end still answers the total (one row of nulls, no id).
 */
final class ChatPages {
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private ChatPages() {
    }

    /** The statement over {@code table}'s rows of one chat id, with the given columns and order. */
    static String sql(String table, String columns, String order) {
        return "select total.n as total, x.* from (select count(*) as n from " + table + " where chat_id = ?) total "
                + "left join lateral (select " + columns + " from " + table + " where chat_id = ? order by " + order
                + " limit ? offset ?) x on true order by " + order;
    }

    static <T> Page<T> read(DataSource dataSource, String sql, long chatId, PageRequest page, Row<T> mapper) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, chatId);
                select.setLong(2, chatId);
                select.setInt(3, page.limit());
                select.setLong(4, page.offset());
                long total = 0;
                List<T> items = new ArrayList<>(page.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        total = rows.getLong("total");
                        if (rows.getObject("id") != null) items.add(mapper.read(rows));
                    }
                }
                return new Page<>(items, page.page(), page.limit(), total);
            }
        });
    }
}
