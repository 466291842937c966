package org.casegraph.architecture;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes: packages form
 * no cycle; commands and benchmarks sit on top, and no feature imports them; only
 * {@code neo4j} opens sessions or transactions on the database, and it imports no
 * feature.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.casegraph");

	private static final String[] ON_TOP = { "org.casegraph.cli..", "org.casegraph.bench..", "org.casegraph.job.." };

	/**
	 * The driver's and the embedded database's ways to run Cypher: sessions,
	 * transactions, query runners, and Spring Data Neo4j's client over them.
	 */
	private static final List<String> DATABASE_ACCESS = List.of("org.neo4j.driver.Driver",
			"org.neo4j.driver.GraphDatabase", "org.neo4j.driver.Session", "org.neo4j.driver.async.AsyncSession",
			"org.neo4j.driver.reactivestreams.ReactiveSession", "org.neo4j.driver.Transaction",
			"org.neo4j.driver.TransactionContext", "org.neo4j.driver.QueryRunner", "org.neo4j.driver.ExecutableQuery",
			"org.springframework.data.neo4j.core.Neo4jClient", "org.neo4j.graphdb.GraphDatabaseService",
			"org.neo4j.graphdb.Transaction", "org.neo4j.dbms.api.DatabaseManagementService");

	static ArchRule noCycles(String root) {
		return slices().matching(root + ".(**)").should().beFreeOfCycles();
	}

	@Test
	void packagesFormNoCycle() {
		noCycles("org.casegraph").check(MAIN);
	}

	@Test
	void aPlantedCycleIsFound() {
		JavaClasses planted = new ClassFileImporter().importPackages("org.casegraph.architecture.planted");
		assertThatThrownBy(() -> noCycles("org.casegraph.architecture.planted").check(planted))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected")
			.hasMessageContaining("alpha")
			.hasMessageContaining("beta");
	}

	@Test
	void featuresNeverImportCommandsOrBenchmarks() {
		noClasses().that()
			.resideOutsideOfPackages(ON_TOP)
			.and()
			.doNotHaveSimpleName("CasegraphApplication")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ON_TOP)
			.check(MAIN);
	}

	@Test
	void commandsAreNotImportedByBenchmarks() {
		noClasses().that()
			.resideInAPackage("org.casegraph.bench..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.casegraph.cli..")
			.check(MAIN);
	}

	@Test
	void onlyNeo4jTouchesSessionsAndTransactions() {
		noClasses().that()
			.resideOutsideOfPackage("org.casegraph.neo4j..")
			.should(ArchConditions.dependOnClassesThat(DescribedPredicate.describe(
					"are the database's session or transaction API", type -> DATABASE_ACCESS.contains(type.getName()))))
			.check(MAIN);
	}

	@Test
	void neo4jImportsNoFeature() {
		classes().that()
			.resideInAPackage("org.casegraph.neo4j..")
			.should()
			.onlyDependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.casegraph.neo4j..")
				.or(JavaClass.Predicates.resideOutsideOfPackage("org.casegraph..")))
			.check(MAIN);
	}

}
