package org.casegraph.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.casegraph.CasegraphApplication;
import org.casegraph.neo4j.StoreLoader;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application for a job beside the server (a command or a benchmark): no web
 * server unless the job measures one, no reference case, quiet logs, so that imports land
 * in the user's own graph. The settings go in as command-line arguments so that they
 * outrank application.yml, as the same flags would for the server.
 */
public final class Jobs {

	private Jobs() {
	}

	public static ConfigurableApplicationContext start(DatabaseOptions database) {
		return start(database, WebApplicationType.NONE, null);
	}

	/**
	 * Like {@link #start(DatabaseOptions)}, with a loader that fills a new embedded store
	 * before the database starts.
	 */
	public static ConfigurableApplicationContext start(DatabaseOptions database, StoreLoader loader) {
		return start(database, WebApplicationType.NONE, loader);
	}

	/**
	 * Starts the application with its web server on a free port, for a job that measures
	 * the API as clients reach it.
	 */
	public static ConfigurableApplicationContext startServer(DatabaseOptions database) {
		return startServer(database, Map.of());
	}

	/** Like {@link #startServer(DatabaseOptions)} with settings of the command's own. */
	public static ConfigurableApplicationContext startServer(DatabaseOptions database, Map<String, Object> settings) {
		return start(database, WebApplicationType.SERVLET, null, settings);
	}

	private static ConfigurableApplicationContext start(DatabaseOptions database, WebApplicationType web,
			StoreLoader loader) {
		return start(database, web, loader, Map.of());
	}

	private static ConfigurableApplicationContext start(DatabaseOptions database, WebApplicationType web,
			StoreLoader loader, Map<String, Object> own) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("casegraph.seed.reference-case", "false");
		settings.put("logging.level.root", "WARN");
		settings.putAll(own);
		settings.putAll(database.properties());
		String[] args = settings.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(CasegraphApplication.class).web(web).initializers(context -> {
			if (loader != null) {
				context.getBeanFactory().registerSingleton("storeLoader", loader);
			}
		}).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
	}

}
