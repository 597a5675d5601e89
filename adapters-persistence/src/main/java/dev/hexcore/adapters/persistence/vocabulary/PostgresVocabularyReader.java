package dev.hexcore.adapters.persistence.vocabulary;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.vocabulary.CardState;
import dev.hexcore.domain.vocabulary.DueItem;
import dev.hexcore.domain.vocabulary.VocabularyReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The daily review in one statement (ADR 0015): due items from {@code ix_user_lexemes_user_due}, most overdue first,
 * then new items from {@code ix_user_lexemes_user_new} up to what is left of the limit and of today's new-item quota;
 * the word is a primary-key lookup per item returned (a join would let the planner hash the whole dictionary).
 */
@ApplicationScoped
public class PostgresVocabularyReader implements VocabularyReader {
    private static final String SQL = """
            with due as (
                select id, lexeme_id, translation_preferred, context_sentence_preferred, mastery_level, next_review_at,
                       review_state, 0 as kind, next_review_at as position
                from user_lexemes
                where user_id = ? and next_review_at is not null and next_review_at <= ?
                order by next_review_at
                limit ?
            ), fresh as (
                select id, lexeme_id, translation_preferred, context_sentence_preferred, mastery_level, next_review_at,
                       review_state, 1 as kind, first_seen_at as position
                from user_lexemes
                where user_id = ? and next_review_at is null
                order by first_seen_at, id
                limit greatest(0, least(? - (select count(*) from due),
                    ? - (select count(*) from vocabulary_reviews
                         where user_id = ? and state_before = 'new' and reviewed_at >= ?)))
            )
            select i.id, (select l.text from lexemes l where l.id = i.lexeme_id) as text,
                   coalesce(i.translation_preferred, '') as translation,
                   coalesce(i.context_sentence_preferred, '') as context_sentence, i.mastery_level, i.next_review_at,
                   i.review_state
            from (select * from due union all select * from fresh) i
            order by i.kind, i.position, i.id""";

    private final AgroalDataSource dataSource;

    public PostgresVocabularyReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<DueItem> dailyReview(UUID userId, java.time.Instant now, java.time.Instant dayStart, int limit,
                                     int newPerDay) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SQL)) {
                select.setObject(1, userId);
                Jdbc.setInstant(select, 2, now);
                select.setInt(3, limit);
                select.setObject(4, userId);
                select.setInt(5, limit);
                select.setInt(6, newPerDay);
                select.setObject(7, userId);
                Jdbc.setInstant(select, 8, dayStart);
                List<DueItem> items = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.add(new DueItem(row.getObject("id", UUID.class), row.getString("text"),
                                row.getString("translation"), row.getString("context_sentence"),
                                row.getInt("mastery_level"), Jdbc.getInstant(row, "next_review_at"),
                                CardState.valueOf(row.getString("review_state").toUpperCase(Locale.ROOT))));
                    }
                }
                return items;
            }
        });
    }
}
