package dev.hexcore.adapters.persistence.shared;

import java.sql.SQLException;

/**
 * A database call failed (connection lost, statement refused). Unchecked, like Hibernate's own failures, so it
 * crosses the ports unchanged and rolls the unit of work back; the message carries the SQL state, never the SQL.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super("Database call failed (SQL state " + cause.getSQLState() + ")", cause);
    }
}
