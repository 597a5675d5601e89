package dev.hexcore.application.vocabulary;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.vocabulary.DueItem;
import dev.hexcore.domain.vocabulary.Grade;
import dev.hexcore.domain.vocabulary.Mastery;
import dev.hexcore.domain.vocabulary.ReviewLogEntry;
import dev.hexcore.domain.vocabulary.ReviewScheduler;
import dev.hexcore.domain.vocabulary.VocabularyReader;
import dev.hexcore.domain.vocabulary.VocabularyRepository;
import dev.hexcore.domain.vocabulary.VocabularyReviewed;
import dev.hexcore.domain.vocabulary.VocabularyReviewedHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Issue 14: the daily review and the review of one item, scheduled by the configured {@link ReviewScheduler}. */
public final class VocabularyService implements VocabularyUseCase {
    private final VocabularyReader reader;
    private final UserRepository users;
    private final VocabularyRepository repository;
    private final ReviewScheduler scheduler;
    private final List<VocabularyReviewedHandler> handlers;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;
    private final VocabularySettings settings;

    public VocabularyService(VocabularyReader reader, UserRepository users, VocabularyRepository repository,
                             ReviewScheduler scheduler, List<VocabularyReviewedHandler> handlers, UnitOfWork uow,
                             IdGenerator ids, Clock clock, VocabularySettings settings) {
        this.reader = reader;
        this.users = users;
        this.repository = repository;
        this.scheduler = scheduler;
        this.handlers = List.copyOf(handlers);
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<DueItem> dailyReview(Actor actor, Integer limit) {
        UUID userId = userId(actor);
        int size = limit == null ? settings.defaultLimit() : limit;
        if (size < 1 || size > settings.maxLimit()) {
            throw new InvalidValueException("limit", "must be between 1 and " + settings.maxLimit());
        }
        ZoneId zone = users.findById(userId).orElseThrow(() -> new NotFoundException("User")).timeZone();
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return reader.dailyReview(userId, now, dayStart, size, settings.newPerDay());
    }

    @Override
    public ReviewOutcome review(Actor actor, UUID vocabularyId, Integer rating) {
        UUID userId = userId(actor);
        if (vocabularyId == null) {
            throw new InvalidValueException("vocabulary_id", "is required");
        }
        Grade grade = Grade.fromRating(rating == null ? 0 : rating)
                .orElseThrow(() -> new InvalidValueException("rating", "must be an integer from 1 to 5"));
        return uow.inTransaction(() -> {
            var item = repository.lockForReview(userId, vocabularyId)
                    .orElseThrow(() -> new NotFoundException("Vocabulary item"));
            Instant now = clock.instant();
            var scheduled = scheduler.review(item.card(), grade, now);
            int mastery = Mastery.level(scheduled.card());
            var entry = new ReviewLogEntry(ids.next(), userId, item.userLexemeId(), rating, grade,
                    item.card().state(), scheduled, now);
            repository.saveReview(entry, mastery);
            var event = new VocabularyReviewed(entry.id(), userId, item.userLexemeId(), grade, now);
            handlers.forEach(handler -> handler.on(event));
            return new ReviewOutcome(item.userLexemeId(), rating, scheduled.card().due(), scheduled.scheduledDays(),
                    mastery, scheduled.card().state());
        });
    }

    static UUID userId(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("Vocabulary is for signed-in users");
        return actor.id();
    }
}
