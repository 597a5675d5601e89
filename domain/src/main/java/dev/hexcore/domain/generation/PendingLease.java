package dev.hexcore.domain.generation;

/**
 * An acquire started before the caller knows it needs the key ({@link ModelKeyPool#startAcquire}): the gateway starts
 * one while it reads the response cache, so the two round trips overlap, and gives the key back when the cache
 * answers. Used by one caller thread; {@link #giveBack} may follow {@link #lease} or replace it.
 */
public interface PendingLease {
    /** The pool's answer, as {@link ModelKeyPool#acquire} would have given it; waits for it if needed. */
    KeyLease lease();

    /**
     * The key is not needed after all: if the acquire granted one, its request is uncounted from the windows it was
     * counted in, as if it had never been admitted (quota goes back to every caller). Never uncounts more than this
     * acquire counted: when that cannot be known (the store failed), the request stays counted. Does not wait for a
     * remote store. At most once; nothing happens after the first call.
     */
    void giveBack();

    /** A lease known at once, of an acquire that cannot be given back (or counted nothing): the give-back does nothing. */
    static PendingLease settled(KeyLease lease) {
        return new PendingLease() {
            @Override
            public KeyLease lease() {
                return lease;
            }

            @Override
            public void giveBack() {
                // nothing to uncount, or no way to: it stays counted
            }
        };
    }
}
