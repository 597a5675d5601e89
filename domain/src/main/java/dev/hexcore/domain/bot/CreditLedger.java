package dev.hexcore.domain.bot;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;

/**
 * The ozhivashki ledger: every grant and spend is an entry, and the balance is the sum of a user's entries, kept on
 * the user's row so that a spend is one conditional update. Joins the caller's unit of work.
 */
public interface CreditLedger {
    /**
     * Applies {@code change} unless an entry with its idempotency key exists for the user, in which case that entry
     * is returned and nothing moves. The balance never goes below zero: a spend larger than the balance throws
     * {@link InsufficientCreditsException}; an unknown user throws {@link dev.hexcore.domain.shared.NotFoundException};
     * the same key applied concurrently by another transaction throws
     * {@link dev.hexcore.domain.shared.ConflictException}.
     */
    CreditEntry apply(CreditChange change);

    /** A user's entries, newest first. */
    Page<CreditEntry> entries(long chatId, PageRequest page);
}
