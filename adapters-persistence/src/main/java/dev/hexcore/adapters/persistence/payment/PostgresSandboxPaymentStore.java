package dev.hexcore.adapters.persistence.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.payment.SandboxPaymentStore;
import dev.hexcore.domain.shared.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox provider's payments in {@code sandbox_payments}, so that every replica sees the same ones. A create
 * with a known idempotence key answers the stored payment ({@code on conflict do nothing}, then read); completing is
 * one conditional update from {@code pending}.
 */
@ApplicationScoped
public class PostgresSandboxPaymentStore implements SandboxPaymentStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, idempotence_key, status, amount, currency, description, return_url, "
            + "metadata::text as metadata, created_at";
    private static final String CREATE = "insert into sandbox_payments (id, idempotence_key, status, amount, currency, "
            + "description, return_url, metadata, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) "
            + "on conflict (idempotence_key) do nothing";
    private static final String BY_KEY = "select " + COLUMNS + " from sandbox_payments where idempotence_key = ?";
    private static final String FIND = "select " + COLUMNS + " from sandbox_payments where id = ?";
    private static final String COMPLETE = "update sandbox_payments set status = ?, updated_at = ? "
            + "where id = ? and status = 'pending'";

    private final AgroalDataSource dataSource;

    public PostgresSandboxPaymentStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public SandboxPayment create(SandboxPayment p) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
                insert.setString(1, p.id());
                insert.setString(2, p.idempotenceKey());
                insert.setString(3, p.status().code());
                insert.setBigDecimal(4, p.amount().value());
                insert.setString(5, p.amount().currency());
                insert.setString(6, p.description());
                insert.setString(7, p.returnUrl());
                insert.setString(8, json(p.metadata()));
                Jdbc.setInstant(insert, 9, p.createdAt());
                Jdbc.setInstant(insert, 10, p.createdAt());
                insert.executeUpdate();
            }
            return one(connection, BY_KEY, p.idempotenceKey()).orElseThrow();
        });
    }

    @Override
    public Optional<SandboxPayment> find(String id) {
        return Jdbc.withConnection(dataSource, connection -> one(connection, FIND, id));
    }

    @Override
    public Optional<SandboxPayment> complete(String id, PaymentStatus status, Instant at) {
        if (!status.isFinal()) throw new IllegalArgumentException("a sandbox payment completes as succeeded or canceled");
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
                update.setString(1, status.code());
                Jdbc.setInstant(update, 2, at);
                update.setString(3, id);
                update.executeUpdate();
            }
            return one(connection, FIND, id);
        });
    }

    private static Optional<SandboxPayment> one(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new SandboxPayment(row.getString("id"), row.getString("idempotence_key"),
                        PaymentStatus.ofCode(row.getString("status")),
                        new Money(row.getBigDecimal("amount"), row.getString("currency")), row.getString("description"),
                        row.getString("return_url"), metadata(row.getString("metadata")), Jdbc.getInstant(row, "created_at")));
            }
        }
    }

    private static String json(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string metadata always serialises", e);
        }
    }

    private static Map<String, String> metadata(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox_payments.metadata holds a JSON object of strings", e);
        }
    }
}
