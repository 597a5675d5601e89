package dev.hexcore.application.bot;

/**
 * Gives back the ozhivashka of generations left pending by a process that stopped between the reservation and the
 * completion (a crash, a kill during the model call). Safe to run on every replica at once.
 */
public interface ReleaseAbandonedGenerationsUseCase {
    /** Releases the generations pending for longer than the configured time; returns how many. */
    int releaseAbandoned();
}
