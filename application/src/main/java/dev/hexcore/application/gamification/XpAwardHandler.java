package dev.hexcore.application.gamification;

import dev.hexcore.domain.course.LevelCompleted;
import dev.hexcore.domain.course.LevelCompletedHandler;
import dev.hexcore.domain.gamification.XpLedger;

/** Adds the XP of a finished level to the learner's total (seed 002 {@code users.xp}), in the attempt's transaction. */
public final class XpAwardHandler implements LevelCompletedHandler {
    private final XpLedger ledger;

    public XpAwardHandler(XpLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void on(LevelCompleted event) {
        if (event.xpGained() > 0) ledger.add(event.userId(), event.xpGained());
    }
}
