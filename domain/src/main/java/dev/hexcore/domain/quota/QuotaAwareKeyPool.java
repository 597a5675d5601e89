package dev.hexcore.domain.quota;

import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link ModelKeyPool} over shared {@link QuotaCounters} and {@link KeyStates}.
 *
 * <p><b>Quotas.</b> Requests per minute, requests per day and tokens per minute are counted per provider, project and
 * model. Requests per minute are counted in a sliding window: a request is admitted only while fewer than the limit
 * were admitted in the last 60 s ({@code (now - 60 s, now]}), so no 60-second interval ever holds more than the limit,
 * which is what a provider counting "per minute" strictly enforces (fixed clock minutes would let twice the limit
 * through across a minute boundary). Requests per day are counted in fixed days from midnight to midnight in the
 * provider's day zone ({@link ProviderQuotaClock}), tokens per minute in fixed clock minutes. Keys of one project
 * share the counters; when they are configured with different limits the smallest applies. A request is granted only
 * when every window of its project has headroom, and it is counted in all of them in the same atomic step, so however
 * many replicas share the counters, no window ever admits more than its limit. Tokens are counted after the call
 * ({@link #recordUsage}); a project whose tokens this minute reached the limit gets no further request until the
 * minute ends.
 *
 * <p><b>Selection</b> is one {@link KeyAdmission} step (one Redis round trip in the shared store). Among the
 * provider's enabled keys, starting at a rotating offset (so load spreads over every key and project with headroom),
 * the first key whose project is not cooling down for the model and whose windows admit the request is granted. Otherwise the answer is {@link KeyLease.Unavailable} with the earliest moment a
 * project recovers (a cooldown ends, its day or token minute resets, or the request that filled its last 60 s is 60 s
 * old), or with null when no key is enabled.
 *
 * <p><b>Failures.</b> Cooldowns apply to the key's project and the model, since that is what provider quotas count
 * (Gemini: per project and model; Groq: per organisation and model): a per-minute 429 cools it for the provider's
 * {@code retryAfter} (60 s if none), a per-day 429 parks it until the provider's next midnight, a bare 429 for
 * {@code retryAfter} or else a backoff of 2 s doubling with each consecutive bare 429 up to 60 s. An invalid key or
 * exhausted billing disables the key itself, with the reason. Every other failure leaves the key alone.
 */
public final class QuotaAwareKeyPool implements ModelKeyPool {
    static final Duration DEFAULT_MINUTE_COOLDOWN = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** A run of bare 429s is forgotten this long after its last one. */
    static final Duration STRIKES_FORGOTTEN_AFTER = Duration.ofMinutes(2);

    private final Map<String, ModelKeyConfig> keysById = new LinkedHashMap<>();
    private final Map<String, List<ModelKeyConfig>> keysByProvider = new HashMap<>();
    private final Map<String, ProjectQuota> quotas = new HashMap<>();
    private final Map<String, AtomicInteger> rotation = new HashMap<>();
    private final Set<ModelRef> models = ConcurrentHashMap.newKeySet();
    private final KeyAdmission admission;
    private final QuotaCounters counters;
    private final KeyStates states;
    private final ProviderQuotaClock clock;

    /**
     * @param keys        every configured key; ids must be unique
     * @param knownModels models {@link #status} reports even before this replica used them (models used later are added)
     * @param admission   the acquire step over the same {@code counters} and {@code states} (one Redis script, or in steps)
     */
    public QuotaAwareKeyPool(List<ModelKeyConfig> keys, Collection<ModelRef> knownModels, KeyAdmission admission,
                             QuotaCounters counters, KeyStates states, ProviderQuotaClock clock) {
        this.admission = admission;
        this.counters = counters;
        this.states = states;
        this.clock = clock;
        for (ModelKeyConfig key : keys) {
            if (keysById.putIfAbsent(key.id(), key) != null) throw new IllegalArgumentException("duplicate key id " + key.id());
            keysByProvider.computeIfAbsent(key.provider(), p -> new ArrayList<>()).add(key);
            rotation.computeIfAbsent(key.provider(), p -> new AtomicInteger());
            quotas.merge(projectOf(key), ProjectQuota.of(key), ProjectQuota::strictest);
        }
        models.addAll(knownModels);
    }

    @Override
    public KeyLease acquire(ModelRef model, Instant now) {
        return startAcquire(model, now).lease();
    }

    /** One {@link KeyAdmission#start}: the admission's round trip runs while the caller goes on. */
    @Override
    public PendingLease startAcquire(ModelRef model, Instant now) {
        List<ModelKeyConfig> keys = keysByProvider.getOrDefault(model.provider(), List.of());
        if (keys.isEmpty()) {
            return PendingLease.settled(new KeyLease.Unavailable(null, "no key is configured for " + model.provider()));
        }
        models.add(model);
        List<KeyAdmission.Candidate> candidates = new ArrayList<>(keys.size());
        for (ModelKeyConfig key : keys) {
            String scope = scope(key, model);
            candidates.add(new KeyAdmission.Candidate(key.id(), scope,
                    quotas.get(projectOf(key)).windows(scope, key.provider(), clock, now)));
        }
        KeyAdmission.Admitting admitting = admission.start(candidates,
                rotation.get(model.provider()).getAndIncrement() & Integer.MAX_VALUE, now);
        return new PendingLease() {
            @Override
            public KeyLease lease() {
                return leaseOf(keys, model, admitting.decision());
            }

            @Override
            public void giveBack() {
                admitting.giveBack();
            }
        };
    }

    private static KeyLease leaseOf(List<ModelKeyConfig> keys, ModelRef model, KeyAdmission.Decision decision) {
        if (decision.isGranted()) return new KeyLease.Granted(keys.get(decision.granted()).providerKey());
        if (decision.enabled() == 0) return new KeyLease.Unavailable(null, "every key of " + model.provider() + " is disabled");
        return new KeyLease.Unavailable(decision.earliestRecovery(), "every key of " + model.provider()
                + " is at its quota or cooling down for " + model.model());
    }

    @Override
    public void report(ProviderKey providerKey, ModelRef model, ProviderFailure failure, Instant now) {
        ModelKeyConfig key = keysById.get(providerKey.id());
        if (key == null) return;
        String scope = scope(key, model);
        switch (failure.kind()) {
            case RATE_LIMITED_MINUTE -> states.coolDown(scope, now.plus(orDefault(failure.retryAfter(), DEFAULT_MINUTE_COOLDOWN)), now);
            case RATE_LIMITED_DAY -> states.coolDown(scope, clock.nextDayStart(key.provider(), now), now);
            case RATE_LIMITED -> states.coolDown(scope, now.plus(failure.retryAfter() != null ? failure.retryAfter()
                    : backoff(states.strike(scope, now, STRIKES_FORGOTTEN_AFTER))), now);
            case KEY_INVALID, BILLING_QUOTA -> states.disable(key.id(), failure.kind()
                    + (failure.providerCode() == null ? "" : " (" + failure.providerCode() + ")"));
            default -> {
                // overloaded, retired model, bad output, timeouts...: not the key's fault
            }
        }
    }

    @Override
    public void recordUsage(ProviderKey providerKey, ModelRef model, TokenUsage usage, Instant now) {
        ModelKeyConfig key = keysById.get(providerKey.id());
        if (key == null || usage.totalTokens() <= 0) return;
        ProjectQuota quota = quotas.get(projectOf(key));
        counters.add(quota.tokensWindow(scope(key, model), clock, now), usage.totalTokens(), now);
    }

    @Override
    public List<ModelKeyStatus> status(Instant now) {
        List<ModelKeyStatus> result = new ArrayList<>();
        Set<String> scopes = new HashSet<>();
        for (ModelKeyConfig key : keysById.values()) {
            for (ModelRef model : modelsOf(key.provider())) scopes.add(scope(key, model));
        }
        KeyStates.View view = states.view(scopes, now);
        for (ModelKeyConfig key : keysById.values()) {
            ProjectQuota quota = quotas.get(projectOf(key));
            Instant cooldown = null;
            List<ModelKeyStatus.ModelUsage> usages = new ArrayList<>();
            for (ModelRef model : modelsOf(key.provider())) {
                String scope = scope(key, model);
                Instant until = view.cooldowns().get(scope);
                if (until != null && (cooldown == null || until.isAfter(cooldown))) cooldown = until;
                usages.add(quota.usage(model.model(), scope, key.provider(), counters, clock, now));
            }
            String reason = view.disabled().get(key.id());
            result.add(new ModelKeyStatus(key.id(), key.provider(), key.quotaProject(), reason == null, reason, cooldown, usages));
        }
        return result;
    }

    @Override
    public boolean setEnabled(String keyId, boolean enabled, String reason, Instant now) {
        if (!keysById.containsKey(keyId)) return false;
        if (enabled) {
            states.enable(keyId);
        } else {
            states.disable(keyId, reason == null || reason.isBlank() ? "disabled by an operator" : reason);
        }
        return true;
    }

    private List<ModelRef> modelsOf(String provider) {
        return models.stream().filter(m -> m.provider().equals(provider))
                .sorted((a, b) -> a.model().compareTo(b.model())).toList();
    }

    /** Backoff after the {@code strikes}-th consecutive bare 429: 2 s, 4 s, 8 s ... at most 60 s. */
    static Duration backoff(int strikes) {
        int doublings = Math.min(Math.max(strikes, 1) - 1, 30);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static String projectOf(ModelKeyConfig key) {
        return key.provider() + "|" + key.quotaProject();
    }

    /** What counters and cooldowns are shared by: provider, project and model. */
    static String scope(ModelKeyConfig key, ModelRef model) {
        return projectOf(key) + "|" + model.model();
    }
}
