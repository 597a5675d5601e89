package dev.hexcore.application.learning;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.learning.LearnerData.ResetCounts;
import java.io.Writer;

/** Issue 14: the learner's own data, exported or reset (XP and achievements are kept). */
public interface LearnerDataUseCase {
    void export(Actor actor, Writer out);

    ResetCounts reset(Actor actor);
}
