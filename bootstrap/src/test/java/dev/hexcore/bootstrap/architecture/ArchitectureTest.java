package dev.hexcore.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture guide's rules, checked once here where every module is on the class path. {@code failOnEmptyShould}
 * is on (also in archunit.properties), so a rule whose subject matches nothing fails instead of passing silently.
 */
class ArchitectureTest {
    private static final String DOMAIN = "dev.hexcore.domain..";
    private static final String APPLICATION = "dev.hexcore.application..";
    private static final String ADAPTERS = "dev.hexcore.adapters..";
    private static final String REST = "dev.hexcore.adapters.rest..";
    private static final String PERSISTENCE = "dev.hexcore.adapters.persistence..";
    private static final String AI = "dev.hexcore.adapters.ai..";
    private static final String PAYMENTS = "dev.hexcore.adapters.payments..";
    private static final String MESSAGING = "dev.hexcore.adapters.messaging..";
    private static final String BOOTSTRAP = "dev.hexcore.bootstrap..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        ArchConfiguration.get().setProperty("archRule.failOnEmptyShould", "true");
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("dev.hexcore");
    }

    /** The rules below only mean something if every module's code was imported. */
    @Test
    void everyModuleIsImportedAndNoTestCode() {
        for (String pkg : List.of("dev.hexcore.domain.", "dev.hexcore.application.", "dev.hexcore.adapters.rest.",
                "dev.hexcore.adapters.persistence.", "dev.hexcore.adapters.ai.", "dev.hexcore.adapters.documents.",
                "dev.hexcore.adapters.messaging.", "dev.hexcore.bootstrap.")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg))).as(pkg + "*").isTrue();
        }
        assertThat(classes.stream().map(JavaClass::getSimpleName))
                .doesNotContain(ArchitectureTest.class.getSimpleName(), "Journeys", "HexcoreTestInfrastructure");
    }

    @Test
    void theDomainDependsOnlyOnJavaAndItself() {
        check(classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .because("the domain is plain Java 21 (architecture.md: 'It imports nothing but java.* and itself')"));
    }

    @Test
    void theApplicationDependsOnlyOnJavaTheDomainAndItself() {
        check(classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
                .because("use cases import nothing but java.*, the domain and themselves"));
    }

    @Test
    void theCoreDoesNotDependOnAdaptersOrBootstrap() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP));
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        check(slices().matching("dev.hexcore.adapters.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .because("adapters never depend on each other; only bootstrap wires them together"));
    }

    @Test
    void adaptersDoNotDependOnBootstrap() {
        check(noClasses().that().resideInAPackage(ADAPTERS).should().dependOnClassesThat().resideInAPackage(BOOTSTRAP));
    }

    @Test
    void entitiesLiveOnlyInThePersistenceAdapter() {
        check(classes().that().areAnnotatedWith(Entity.class)
                .should().resideInAPackage(PERSISTENCE));
    }

    @Test
    void panacheTypesLiveOnlyInThePersistenceAdapter() {
        check(classes().that().areAssignableTo(PanacheEntityBase.class).or().areAssignableTo(PanacheRepositoryBase.class)
                .should().resideInAPackage(PERSISTENCE));
        check(noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus.hibernate.orm.panache..",
                        "io.quarkus.panache..", "jakarta.persistence..", "org.hibernate..")
                .because("Panache entities never appear in signatures outside persistence"));
    }

    @Test
    void jaxRsIsUsedOnlyInTheRestAdapter() {
        check(noClasses().that().resideOutsideOfPackage(REST)
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs.."));
    }

    /**
     * Outbound HTTP (the JDK client the model providers use, ADR 0008, or a MicroProfile REST client) belongs to the
     * adapter that owns the remote service. Its subjects are every class outside those adapters, so the rule always
     * has something to check; {@link #theOutboundHttpRuleCatchesAClientOutsideItsAdapter} shows it failing.
     */
    private static final ArchRule OUTBOUND_HTTP_ONLY_IN_ITS_ADAPTER = noClasses()
            .that().resideOutsideOfPackages(AI, PAYMENTS, MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.eclipse.microprofile.rest.client..",
                    "io.quarkus.rest.client..", "org.jboss.resteasy.reactive.client..")
            .because("a remote service is called only by the adapter that owns it (architecture.md, 'Outbound HTTP')");

    @Test
    void restClientsLiveOnlyInTheAdapterThatOwnsThem() {
        check(OUTBOUND_HTTP_ONLY_IN_ITS_ADAPTER);
    }

    @Test
    void theOutboundHttpRuleCatchesAClientOutsideItsAdapter() {
        JavaClasses offending = new ClassFileImporter().importClasses(HttpCallerOutsideTheAdapters.class);

        assertThat(OUTBOUND_HTTP_ONLY_IN_ITS_ADAPTER.evaluate(offending).hasViolation()).isTrue();
    }

    /** A class of bootstrap's test package calling HTTP itself: what the rule must refuse. */
    static final class HttpCallerOutsideTheAdapters {
        java.net.http.HttpClient client() {
            return java.net.http.HttpClient.newHttpClient();
        }
    }

    @Test
    void theLayersHaveNoCycles() {
        check(slices().matching("dev.hexcore.(*)..").namingSlices("$1").should().beFreeOfCycles());
    }

    @Test
    void theContextsOfTheCoreHaveNoCycles() {
        check(slices().matching("dev.hexcore.domain.(*)..").namingSlices("domain.$1").should().beFreeOfCycles());
        check(slices().matching("dev.hexcore.application.(*)..").namingSlices("application.$1").should().beFreeOfCycles());
    }

    @Test
    void thePackagesOfEachAdapterHaveNoCycles() {
        check(slices().matching("dev.hexcore.adapters.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles());
    }

    @Test
    void thePackagesOfBootstrapHaveNoCycles() {
        check(slices().matching("dev.hexcore.bootstrap.(*)..").namingSlices("bootstrap.$1").should().beFreeOfCycles());
    }

    @Test
    void thereIsNoFieldInjection() {
        check(noFields().that().areDeclaredInClassesThat().resideInAPackage("dev.hexcore..")
                .should().beAnnotatedWith(Inject.class)
                .because("dependencies come through constructors (or producer-method parameters), never fields"));
    }

    @Test
    void domainAndApplicationAreNotCdiBeans() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().beAnnotatedWith(fromPackages("jakarta.enterprise", "jakarta.inject"))
                .because("application services are plain classes made by bootstrap's producer methods"));
        check(noCodeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().beAnnotatedWith(fromPackages("jakarta.enterprise", "jakarta.inject")));
        check(noFields().that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().beAnnotatedWith(fromPackages("jakarta.enterprise", "jakarta.inject")));
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..", "io.quarkus..",
                        "org.eclipse.microprofile..", "io.smallrye..", "io.vertx..")
                .because("no CDI, no JTA, no Jakarta annotations in the core"));
    }

    private static DescribedPredicate<JavaAnnotation<?>> fromPackages(String... packages) {
        return describe("an annotation from " + String.join(" or ", packages),
                annotation -> {
                    String name = annotation.getRawType().getPackageName();
                    for (String pkg : packages) {
                        if (name.equals(pkg) || name.startsWith(pkg + ".")) return true;
                    }
                    return false;
                });
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
