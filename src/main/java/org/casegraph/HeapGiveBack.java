package org.casegraph;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

import org.casegraph.neo4j.GraphDataScience;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A server gives its heap back when it is idle, and only then.
 * <p>
 * A start leaves several hundred megabytes of garbage (classes read, Cypher planned, the
 * schema and the database opened) for about 90 MB of live objects, and G1 would hold that
 * heap, resident, until its next collection. So once the server is ready and has gone a
 * second without a request, it registers Graph Data Science ({@link GraphDataScience},
 * unless a report needed it first), and one full collection, on a thread of its own,
 * gives back what is free beyond {@code -XX:MaxHeapFreeRatio} (15% with
 * {@code bin/casegraph} and {@code mvn spring-boot:run}, 70% by default). Done as soon as
 * the server was ready, both ran beside its first answers.
 * <p>
 * G1 also shrinks the heap to that ratio at the end of each marking cycle. Under a steady
 * stream of large answers that kept the heap at about three times its live objects, so
 * small that marking cycles ran back to back, each with a pause of over 20 ms and one of
 * the two cores busy marking: the allegation spread's p95 was 90 to 140 ms for a p50 of
 * 25 (docs/benchmarks.md). So while the server works the ratio is 100, and G1 sizes the
 * heap for the load; the ratio the JVM was started with is used for give-backs alone: at
 * the start, and after each minute in which no collection ran, once the server has
 * collected since its last give-back. Jobs that are not servers run to their end instead.
 */
@Component
class HeapGiveBack implements ServletRequestListener {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HeapGiveBack.class);

	static final String RATIO = "MaxHeapFreeRatio";

	/** What a working server's heap keeps free: anything, so that it never shrinks. */
	static final String WORKING = "100";

	static final Duration IDLE = Duration.ofMinutes(1);

	/**
	 * How long a server just started goes without a request before it registers Graph
	 * Data Science and gives its heap back: both took a core, and the full collection
	 * paused every request, during the first answers.
	 */
	static final Duration QUIET = Duration.ofSeconds(1);

	/**
	 * Null on a JVM that is not HotSpot: then the start's garbage alone is given back.
	 */
	private static final HotSpotDiagnosticMXBean VM = ManagementFactory
		.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	/**
	 * The ratio the JVM was started with, read before any server in it set the working
	 * one (tests start several servers in one JVM).
	 */
	static final String STARTED_WITH = (VM == null) ? null : VM.getVMOption(RATIO).getValue();

	private final GraphDataScience graphDataScience;

	private final QuietMoment quiet = new QuietMoment();

	HeapGiveBack(GraphDataScience graphDataScience) {
		this.graphDataScience = graphDataScience;
	}

	/**
	 * A request begins (the servlet container calls this once per request, not again for
	 * an asynchronous answer's second dispatch).
	 */
	@Override
	public void requestInitialized(ServletRequestEvent event) {
		quiet.began();
	}

	/** A request has been answered, asynchronously or not. */
	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		quiet.ended();
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		Runnable work = (VM == null) ? () -> {
			quiet.await(QUIET);
			startDone();
			System.gc();
		} : this::giveBackWhenIdle;
		Thread.ofPlatform().name("casegraph-heap").daemon().start(work);
	}

	private void giveBackWhenIdle() {
		// The first requests may come before the give-back: they are served with the
		// working ratio, as every request after it is.
		working();
		quiet.await(QUIET);
		startDone();
		giveBack();
		long given = collections();
		long seen = given;
		while (sleptThroughIdle()) {
			long now = collections();
			if (now == seen && now != given) {
				giveBack();
				given = collections();
				now = given;
			}
			seen = now;
		}
	}

	/**
	 * Registers Graph Data Science, or waits for a report that needed it first: its
	 * garbage is the start's.
	 */
	private void startDone() {
		try {
			graphDataScience.awaitRegistered();
		}
		catch (IllegalStateException ex) {
			// The heap is given back all the same.
			log.error("Graph Data Science could not be registered; reports that use it will fail: {}", ex.getMessage());
		}
	}

	private static void working() {
		try {
			VM.setVMOption(RATIO, WORKING);
		}
		catch (IllegalArgumentException ex) {
			log.debug("{} cannot be set at run time: {}", RATIO, ex.getMessage());
		}
	}

	/**
	 * One full collection with the ratio the JVM was started with, then the working
	 * ratio.
	 */
	void giveBack() {
		try {
			VM.setVMOption(RATIO, STARTED_WITH);
			System.gc();
			VM.setVMOption(RATIO, WORKING);
		}
		catch (IllegalArgumentException ex) {
			// A JVM whose ratio cannot be set at run time keeps it: the start's garbage
			// is given back all the same.
			log.debug("{} cannot be set at run time: {}", RATIO, ex.getMessage());
			System.gc();
		}
	}

	private static boolean sleptThroughIdle() {
		try {
			Thread.sleep(IDLE);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Collections of every collector so far. */
	private static long collections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

}
