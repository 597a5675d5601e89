package dev.hexcore.application.generation.fakes;

import dev.hexcore.domain.generation.KeylessModelProvider;

/** A scripted provider that needs no key, like the offline one. */
public final class KeylessScriptedProvider extends ScriptedProvider implements KeylessModelProvider {
    public KeylessScriptedProvider(String name) {
        super(name);
    }
}
