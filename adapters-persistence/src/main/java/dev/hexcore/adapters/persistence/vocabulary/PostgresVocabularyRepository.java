package dev.hexcore.adapters.persistence.vocabulary;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.vocabulary.CardState;
import dev.hexcore.domain.vocabulary.ReviewCard;
import dev.hexcore.domain.vocabulary.ReviewLogEntry;
import dev.hexcore.domain.vocabulary.VocabularyRepository;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Review state on {@code user_lexemes}, the log in {@code vocabulary_reviews}; joins the caller's transaction. */
@ApplicationScoped
public class PostgresVocabularyRepository implements VocabularyRepository {
    private final AgroalDataSource dataSource;

    public PostgresVocabularyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Reviewable> lockForReview(UUID userId, UUID vocabularyId) {
        return Jdbc.withConnection(dataSource, connection -> {
            // the user row first, as the XP handler and the reset take it: one lock order, no deadlock between them
            try (PreparedStatement lock = connection.prepareStatement("select 1 from users where id = ? for update")) {
                lock.setObject(1, userId);
                lock.executeQuery().close();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, review_state, learning_step, stability, difficulty, next_review_at, last_reviewed_at,
                           first_seen_at, reps, lapses
                    from user_lexemes
                    where user_id = ? and id = coalesce(
                        (select user_lexeme_id from generated_vocabulary_items where id = ?), ?)""")) {
                select.setObject(1, userId);
                select.setObject(2, vocabularyId);
                select.setObject(3, vocabularyId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    var state = state(row.getString("review_state"));
                    var due = Jdbc.getInstant(row, "next_review_at");
                    var card = new ReviewCard(state, row.getInt("learning_step"), row.getDouble("stability"),
                            row.getDouble("difficulty"), due == null ? Jdbc.getInstant(row, "first_seen_at") : due,
                            Jdbc.getInstant(row, "last_reviewed_at"), row.getInt("reps"), row.getInt("lapses"));
                    return Optional.of(new Reviewable(row.getObject("id", UUID.class), card));
                }
            }
        });
    }

    @Override
    public void saveReview(ReviewLogEntry entry, int masteryLevel) {
        ReviewCard card = entry.after().card();
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update user_lexemes set review_state = ?, learning_step = ?, stability = ?, difficulty = ?,
                        next_review_at = ?, last_reviewed_at = ?, reps = ?, lapses = ?, mastery_level = ?
                    where id = ?""")) {
                update.setString(1, name(card.state()));
                update.setInt(2, card.step());
                update.setDouble(3, card.stability());
                update.setDouble(4, card.difficulty());
                Jdbc.setInstant(update, 5, card.due());
                Jdbc.setInstant(update, 6, card.lastReview());
                update.setInt(7, card.reps());
                update.setInt(8, card.lapses());
                update.setInt(9, masteryLevel);
                update.setObject(10, entry.userLexemeId());
                update.executeUpdate();
            }
            try (PreparedStatement mirror = connection.prepareStatement("""
                    update generated_vocabulary_items set mastery_level = ?, next_review_at = ?
                    where user_lexeme_id = ?""")) {
                mirror.setInt(1, masteryLevel);
                Jdbc.setInstant(mirror, 2, card.due());
                mirror.setObject(3, entry.userLexemeId());
                mirror.executeUpdate();
            }
            try (PreparedStatement log = connection.prepareStatement("""
                    insert into vocabulary_reviews (id, user_id, user_lexeme_id, rating, grade, state_before, state_after,
                        stability, difficulty, elapsed_days, scheduled_days, reviewed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                log.setObject(1, entry.id());
                log.setObject(2, entry.userId());
                log.setObject(3, entry.userLexemeId());
                log.setInt(4, entry.rating());
                log.setInt(5, entry.grade().value());
                log.setString(6, name(entry.before()));
                log.setString(7, name(card.state()));
                log.setDouble(8, card.stability());
                log.setDouble(9, card.difficulty());
                log.setInt(10, entry.after().elapsedDays());
                log.setInt(11, entry.after().scheduledDays());
                Jdbc.setInstant(log, 12, entry.reviewedAt());
                log.executeUpdate();
            }
            return null;
        });
    }

    private static CardState state(String value) {
        return CardState.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static String name(CardState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
