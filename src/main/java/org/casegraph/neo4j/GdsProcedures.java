package org.casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Registers Graph Data Science's procedures and functions with an embedded database. A
 * server finds them in its plugins folder; an embedded database only knows what it is
 * given, so the GDS classes that declare them are registered one by one, from a list kept
 * in the jar ({@value #CLASSES}): finding them by their annotations, in GDS's 5,000 class
 * files, took about half a second of every start. {@code GdsProceduresTests} finds them
 * that way and checks the list.
 */
final class GdsProcedures {

	static final String CLASSES = "gds/procedure-classes.txt";

	private static final Logger log = LoggerFactory.getLogger(GdsProcedures.class);

	private GdsProcedures() {
	}

	/** Registers them all; returns how many classes were registered (0 without GDS). */
	static int register(GraphDatabaseService database) {
		if (!ClassUtils.isPresent("org.neo4j.gds.core.GraphDimensions", GdsProcedures.class.getClassLoader())) {
			return 0;
		}
		GlobalProcedures procedures = ((GraphDatabaseAPI) database).getDependencyResolver()
			.resolveDependency(GlobalProcedures.class);
		List<String> classes = listed();
		classes.forEach(name -> registerAll(procedures, load(name)));
		log.debug("Registered {} Graph Data Science classes", classes.size());
		return classes.size();
	}

	/** The classes listed, in order, without the comment lines. */
	static List<String> listed() {
		try (InputStream in = new ClassPathResource(CLASSES, GdsProcedures.class.getClassLoader()).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of GDS classes " + CLASSES + " could not be read", ex);
		}
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
