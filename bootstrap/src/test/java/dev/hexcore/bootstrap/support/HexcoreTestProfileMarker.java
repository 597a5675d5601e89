package dev.hexcore.bootstrap.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared test infrastructure once for every @QuarkusTest in this module. */
@QuarkusTestResource(value = HexcoreTestInfrastructure.class, restrictToAnnotatedClass = false)
public final class HexcoreTestProfileMarker {
    private HexcoreTestProfileMarker() {
    }
}
