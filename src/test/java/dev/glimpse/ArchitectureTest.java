package dev.glimpse;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The layers Glimpse keeps, checked on the compiled classes: services and model code know nothing of Vaadin, views
 * reach data and models only through services, {@code base} sits below every feature, and packages never depend on
 * each other in a circle.
 */
@AnalyzeClasses(packages = "dev.glimpse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Where models are loaded and run: tensors, checkpoints, tokenizers, the BLIP, Whisper and MiniLM networks. */
    private static final String[] MODEL_CODE = {
        "dev.glimpse.ml..", "dev.glimpse.caption..", "dev.glimpse.speech..", "dev.glimpse.embedding.."
    };

    /** Every feature package; {@code base} (shell, layout, shared configuration) may depend on none of them. */
    private static final String[] FEATURES = {
        "dev.glimpse.caption..",
        "dev.glimpse.embedding..",
        "dev.glimpse.speech..",
        "dev.glimpse.search..",
        "dev.glimpse.imaging..",
        "dev.glimpse.ingest..",
        "dev.glimpse.library..",
        "dev.glimpse.pipeline..",
        "dev.glimpse.examples..",
        "dev.glimpse.storage..",
        "dev.glimpse.ratelimit..",
        "dev.glimpse.security..",
        "dev.glimpse.tools..",
        "dev.glimpse.importing..",
        "dev.glimpse.backup.."
    };

    /**
     * What runs or loads a model: the model runtime {@code ml}, DJL, and the classes of the model features other than
     * what they publish (services, settings, result records). The models' state as the application serves them
     * ({@code serving}) is not: pages show it.
     */
    private static final DescribedPredicate<JavaClass> MODEL_CLASSES = resideInAPackage("ai.djl..")
            .or(resideInAPackage("dev.glimpse.ml.."))
            .or(resideInAnyPackage("dev.glimpse.caption..", "dev.glimpse.speech..", "dev.glimpse.embedding..")
                    .and(not(simpleNameEndingWith("Service")
                            .or(simpleNameEndingWith("Properties"))
                            .or(describe("records", JavaClass::isRecord)))))
            .as("model classes");

    @ArchTest
    static final ArchRule servicesDoNotDependOnVaadin = noClasses()
            .that()
            .areAnnotatedWith(Service.class)
            .or()
            .haveSimpleNameEndingWith("Service")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because("a service is called from pages, the API and background work alike; what it returns must not"
                    + " tie callers to the UI (a page adapts the service's plain handles itself)");

    @ArchTest
    static final ArchRule modelCodeDoesNotDependOnVaadin = noClasses()
            .that()
            .resideInAnyPackage(MODEL_CODE)
            .or()
            .resideInAnyPackage("dev.glimpse.imaging..", "dev.glimpse.pipeline..", "dev.glimpse.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..");

    @ArchTest
    static final ArchRule modelRuntimeStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.glimpse.ml..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta..", "com.vaadin..")
                    .and(not(resideInAPackage("org.springframework.modulith.."))))
            .orShould()
            .dependOnClassesThat(resideInAPackage("dev.glimpse..").and(not(resideInAPackage("dev.glimpse.ml.."))))
            .because("the model runtime (checkpoints, layers, tokenizers, generation, hub) is usable without the"
                    + " application (Micrometer meters and Modulith's named-interface markers are plain libraries); serving models inside it (monitor, health, executor, memory) is"
                    + " dev.glimpse.serving");

    @ArchTest
    static final ArchRule noFeatureDependsOnTheTools = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .and()
            .resideOutsideOfPackage("dev.glimpse.tools..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.glimpse.tools..", "dev.glimpse.cli..")
            .because("the command-line tools measure the product; the product never needs them");

    @ArchTest
    static final ArchRule baseDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.glimpse.base..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("features use base's layout and shared configuration, so base using a feature is a cycle");

    @ArchTest
    static final ArchRule viewsCallServicesOnly = noClasses()
            .that(assignableTo(com.vaadin.flow.component.Component.class))
            .should()
            .dependOnClassesThat(assignableTo(Repository.class)
                    .or(assignableTo(JdbcClient.class))
                    .or(assignableTo(JdbcTemplate.class))
                    .or(assignableTo(EntityManager.class))
                    .or(describe("are entities", (JavaClass c) -> c.isAnnotatedWith(Entity.class)))
                    .or(MODEL_CLASSES))
            .because("views only wire components and delegate to services");

    @ArchTest
    static final ArchRule noServiceReturnsAVaadinType = noMethods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Service.class)
            .should()
            .haveRawReturnType(resideInAPackage("com.vaadin.."));

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dev.glimpse.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.glimpse.(**)").should().beFreeOfCycles();
}
