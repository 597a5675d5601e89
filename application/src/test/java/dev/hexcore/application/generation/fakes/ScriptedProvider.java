package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider that answers from a script, one step per call, and remembers every call it received. When the script
 * runs out it repeats the last step.
 */
public class ScriptedProvider implements ModelProviderPort {
    private final String name;
    private final Deque<Function<ProviderCall, ProviderReply>> script = new ArrayDeque<>();
    private Function<ProviderCall, ProviderReply> last = call -> {
        throw new IllegalStateException("no scripted answer");
    };
    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();

    public ScriptedProvider(String name) {
        this.name = name;
    }

    public static ProviderReply text(String text) {
        return new ProviderReply(text, List.of(), new TokenUsage(10, 5, 15), "v1");
    }

    public ScriptedProvider answers(String text) {
        return then(call -> text(text));
    }

    public ScriptedProvider fails(ProviderFailure.Kind kind) {
        return fails(new ProviderFailure(kind, kind + " from " + name));
    }

    public ScriptedProvider fails(ProviderFailure failure) {
        return then(call -> {
            throw failure;
        });
    }

    public synchronized ScriptedProvider then(Function<ProviderCall, ProviderReply> step) {
        script.add(step);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProviderReply call(ProviderCall call) {
        calls.add(call);
        Function<ProviderCall, ProviderReply> step;
        synchronized (this) {
            if (!script.isEmpty()) last = script.poll();
            step = last;
        }
        return step.apply(call);
    }

    public List<ProviderCall> calls() {
        return calls;
    }
}
