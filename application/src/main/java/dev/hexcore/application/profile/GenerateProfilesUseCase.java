package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileLocale;
import java.util.List;

/** Seed 001's POST /profiles/generate: synthetic profiles, optionally stored. */
public interface GenerateProfilesUseCase {
    /**
     * @param count      1..100 (default 1)
     * @param persist    store the profiles (default false)
     * @param locale     "ru" (default) or "en"
     * @param seed       same seed → same profiles; a random one is chosen (and returned) when absent
     * @param ttlSeconds stored profiles expire after this many seconds (60 s .. 365 days); none when absent
     */
    record GenerateProfilesCommand(Integer count, Boolean persist, String locale, Long seed, Long ttlSeconds) {
    }

    /** The profiles; their ids (and stored times) are real only when {@code persisted}. */
    record GeneratedProfiles(List<Profile> profiles, boolean persisted, long seed, ProfileLocale locale) {
    }

    GeneratedProfiles generate(Actor actor, GenerateProfilesCommand command);
}
