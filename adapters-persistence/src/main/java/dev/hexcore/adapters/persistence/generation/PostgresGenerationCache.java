package dev.hexcore.adapters.persistence.generation;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationCacheMaintenance;
import dev.hexcore.domain.generation.TokenUsage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The response cache in {@code llm_cache_entries}. A write is an upsert, so two replicas storing the same answer at
 * once is not an error (the later one wins); writes run in their own short transaction, whatever the caller has open,
 * so a cache write never rides on (or breaks) someone else's transaction, and without waiting for the disk (losing the
 * last answers in a crash only costs a model call). A read is one indexed query on a pooled
 * connection, with no transaction of its own: it sits on every gateway call's path.
 *
 * <p>Injected as itself: the {@link GenerationCache} the gateway sees is {@link LocalGenerationCache} in front of it.
 */
@ApplicationScoped
@Typed({PostgresGenerationCache.class, GenerationCacheMaintenance.class})
public class PostgresGenerationCache implements GenerationCache, GenerationCacheMaintenance {
    private static final String SELECT = "select provider, model, response, prompt_tokens, completion_tokens, total_tokens, "
            + "created_at, expires_at from llm_cache_entries where cache_key = ? and expires_at > ?";
    private static final String UPSERT = "insert into llm_cache_entries (cache_key, provider, model, response, prompt_tokens, "
            + "completion_tokens, total_tokens, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (cache_key) do update set provider = excluded.provider, model = excluded.model, "
            + "response = excluded.response, prompt_tokens = excluded.prompt_tokens, "
            + "completion_tokens = excluded.completion_tokens, total_tokens = excluded.total_tokens, "
            + "created_at = excluded.created_at, expires_at = excluded.expires_at";
    private static final String PURGE = "delete from llm_cache_entries where cache_key in (select cache_key from "
            + "llm_cache_entries where expires_at <= ? order by expires_at limit ? for update skip locked)";

    private final AgroalDataSource dataSource;

    public PostgresGenerationCache(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Stored> find(String key, Instant now) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, key);
                Jdbc.setInstant(select, 2, now);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) return Optional.empty();
                    return Optional.of(new Stored(new CachedGeneration(row.getString("provider"), row.getString("model"),
                            row.getString("response"), new TokenUsage(row.getInt("prompt_tokens"),
                            row.getInt("completion_tokens"), row.getInt("total_tokens")),
                            Jdbc.getInstant(row, "created_at")), Jdbc.getInstant(row, "expires_at")));
                }
            }
        });
    }

    @Override
    public void put(String key, CachedGeneration entry, Instant expiresAt) {
        Jdbc.withoutDurableCommit(dataSource, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, key);
                upsert.setString(2, entry.provider());
                upsert.setString(3, entry.model());
                upsert.setString(4, entry.text());
                upsert.setInt(5, entry.usage().promptTokens());
                upsert.setInt(6, entry.usage().completionTokens());
                upsert.setInt(7, entry.usage().totalTokens());
                Jdbc.setInstant(upsert, 8, entry.createdAt());
                Jdbc.setInstant(upsert, 9, expiresAt);
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
                Jdbc.setInstant(purge, 1, now);
                purge.setInt(2, limit);
                return purge.executeUpdate();
            }
        }));
    }
}
