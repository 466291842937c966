package org.casegraph.neo4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.casegraph.neo4j.EmbeddedNeo4jConfiguration.EmbeddedLogin;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * On a restart, starts the embedded database on a thread of its own as soon as the
 * settings are known, while Spring reads the application's configuration and makes the
 * beans that need no database: on this 2-core machine kind, the two seconds before the
 * database's bean came up and the four the database takes to start ran one after the
 * other. The database's bean takes the database so started
 * ({@link EmbeddedNeo4jConfiguration}) with the same settings and login it would have
 * started it with, or fails with the same error; a start that fails before it stops it. A
 * new data directory (or one an offline import left unfinished) starts in the bean as
 * before, where the reference case's store is copied in first.
 */
public final class EarlyStart implements ApplicationListener<SpringApplicationEvent> {

	static final String BEAN = "earlyStartedDatabase";

	private volatile Started started;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		switch (event) {
			case ApplicationEnvironmentPreparedEvent prepared -> begin(prepared.getEnvironment());
			case ApplicationPreparedEvent prepared -> {
				if (started != null) {
					prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN, started);
				}
			}
			case ApplicationFailedEvent failed -> {
				if (started != null) {
					started.release();
				}
			}
			default -> {
			}
		}
	}

	private void begin(ConfigurableEnvironment environment) {
		DatabaseSettings settings;
		Neo4jProperties neo4j;
		try {
			Binder binder = Binder.get(environment);
			settings = binder.bindOrCreate("casegraph.neo4j", DatabaseSettings.class);
			neo4j = binder.bindOrCreate("spring.neo4j", Neo4jProperties.class);
		}
		catch (RuntimeException ex) {
			// The beans bind the same settings again and say what is wrong with them.
			return;
		}
		if (settings.mode() != DatabaseSettings.Mode.EMBEDDED || !EmbeddedNeo4j.holdsStore(settings)) {
			return;
		}
		EmbeddedLogin login = EmbeddedLogin.of(settings, neo4j,
				environment.getProperty(EmbeddedLogin.SECURITY_MODE, "local"));
		CompletableFuture<DatabaseManagementService> database = new CompletableFuture<>();
		Thread.ofPlatform().name("casegraph-database-start").start(() -> {
			try {
				database.complete(EmbeddedNeo4j.start(settings.withBoltPort(login.port()), login.username(),
						login.password(), null));
			}
			catch (Throwable ex) {
				database.completeExceptionally(ex);
			}
		});
		started = new Started(settings, login, database);
	}

	/**
	 * A database started early, for the bean to take.
	 *
	 * @param settings the settings it was started with (before the Bolt port was picked)
	 * @param login the login it was started with
	 * @param database the database, once started
	 */
	record Started(DatabaseSettings settings, EmbeddedLogin login,
			CompletableFuture<DatabaseManagementService> database, AtomicBoolean taken) {

		Started(DatabaseSettings settings, EmbeddedLogin login, CompletableFuture<DatabaseManagementService> database) {
			this(settings, login, database, new AtomicBoolean());
		}

		/** Whether the bean would start the database with these settings. */
		boolean startedWith(DatabaseSettings beanSettings) {
			return settings.equals(beanSettings);
		}

		/**
		 * The database, once started, or the error its start failed with; taken once, by
		 * the bean whose destroy method then stops it.
		 */
		DatabaseManagementService take() {
			if (taken.getAndSet(true)) {
				throw new IllegalStateException("The database started early was taken already");
			}
			try {
				return database.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}

		/**
		 * Stops the database unless the bean took it: the application failed to start, or
		 * the bean starts it otherwise.
		 */
		void release() {
			if (taken.getAndSet(true)) {
				return;
			}
			DatabaseManagementService dbms = database.handle((started, ex) -> started).join();
			if (dbms != null) {
				dbms.shutdown();
			}
		}

	}

}
