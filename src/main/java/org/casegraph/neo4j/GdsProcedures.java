package org.casegraph.neo4j;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Registers Graph Data Science's procedures and functions with an embedded database. A
 * server finds them in its plugins folder; an embedded database only knows what it is
 * given, so the GDS classes on the classpath are found by their annotations (read without
 * loading every class) and registered one by one.
 */
final class GdsProcedures {

	private static final Logger log = LoggerFactory.getLogger(GdsProcedures.class);

	private static final String PACKAGE = "org.neo4j.gds";

	private static final String PROCEDURE = "org.neo4j.procedure.Procedure";

	private static final String FUNCTION = "org.neo4j.procedure.UserFunction";

	private static final String AGGREGATION = "org.neo4j.procedure.UserAggregationFunction";

	private GdsProcedures() {
	}

	/** Registers them all; returns how many classes were registered (0 without GDS). */
	static int register(GraphDatabaseService database) {
		if (!ClassUtils.isPresent("org.neo4j.gds.core.GraphDimensions", GdsProcedures.class.getClassLoader())) {
			return 0;
		}
		GlobalProcedures procedures = ((GraphDatabaseAPI) database).getDependencyResolver()
			.resolveDependency(GlobalProcedures.class);
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(GdsProcedures::declaresProcedures);
		int registered = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents(PACKAGE)) {
			registerAll(procedures, load(candidate.getBeanClassName()));
			registered++;
		}
		log.debug("Registered {} Graph Data Science classes", registered);
		return registered;
	}

	private static boolean declaresProcedures(MetadataReader reader, MetadataReaderFactory factory) {
		var metadata = reader.getAnnotationMetadata();
		return metadata.hasAnnotatedMethods(PROCEDURE) || metadata.hasAnnotatedMethods(FUNCTION)
				|| metadata.hasAnnotatedMethods(AGGREGATION);
	}

	private static void registerAll(GlobalProcedures procedures, Class<?> type) {
		try {
			procedures.registerProcedure(type);
			procedures.registerFunction(type);
			procedures.registerAggregationFunction(type);
		}
		catch (ProcedureException ex) {
			throw new IllegalStateException("Could not register " + type.getName() + ": " + ex.getMessage(), ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, GdsProcedures.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("GDS class " + name + " is missing", ex);
		}
	}

}
