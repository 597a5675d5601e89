package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands out scripted leases first, then always the default key; remembers acquisitions, give-backs, reports and usage. */
public final class FakeKeyPool implements ModelKeyPool {
    public record Report(String keyId, ModelRef model, ProviderFailure.Kind kind) {
    }

    public record Usage(String keyId, ModelRef model, TokenUsage usage) {
    }

    public static final ProviderKey DEFAULT_KEY = new ProviderKey("key-1", "sk-secret-one");

    private final Deque<KeyLease> script = new ArrayDeque<>();
    private final List<ModelRef> acquired = new CopyOnWriteArrayList<>();
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final List<Usage> usages = new CopyOnWriteArrayList<>();
    private final List<ModelRef> givenBack = new CopyOnWriteArrayList<>();

    public synchronized FakeKeyPool thenLease(KeyLease lease) {
        script.add(lease);
        return this;
    }

    public FakeKeyPool thenKey(ProviderKey key) {
        return thenLease(new KeyLease.Granted(key));
    }

    public FakeKeyPool thenNoKeyUntil(Instant recovery) {
        return thenLease(new KeyLease.Unavailable(recovery, "all keys cooling down"));
    }

    @Override
    public synchronized KeyLease acquire(ModelRef model, Instant now) {
        acquired.add(model);
        return script.isEmpty() ? new KeyLease.Granted(DEFAULT_KEY) : script.poll();
    }

    /** Acquires at once (remembered like {@link #acquire}); a granted key given back is remembered in {@link #givenBack}. */
    @Override
    public PendingLease startAcquire(ModelRef model, Instant now) {
        KeyLease lease = acquire(model, now);
        return new PendingLease() {
            private boolean givenBack;

            @Override
            public KeyLease lease() {
                return lease;
            }

            @Override
            public void giveBack() {
                if (givenBack || !(lease instanceof KeyLease.Granted)) return;
                givenBack = true;
                FakeKeyPool.this.givenBack.add(model);
            }
        };
    }

    @Override
    public void report(ProviderKey key, ModelRef model, ProviderFailure failure, Instant now) {
        reports.add(new Report(key.id(), model, failure.kind()));
    }

    @Override
    public void recordUsage(ProviderKey key, ModelRef model, TokenUsage usage, Instant now) {
        usages.add(new Usage(key.id(), model, usage));
    }

    @Override
    public List<ModelKeyStatus> status(Instant now) {
        return List.of();
    }

    @Override
    public boolean setEnabled(String keyId, boolean enabled, String reason, Instant now) {
        return false;
    }

    public List<ModelRef> acquired() {
        return acquired;
    }

    /** Models whose key, granted by {@link #startAcquire}, was given back unused. */
    public List<ModelRef> givenBack() {
        return givenBack;
    }

    public List<Report> reports() {
        return reports;
    }

    public List<Usage> usages() {
        return usages;
    }
}
