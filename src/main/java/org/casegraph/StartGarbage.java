package org.casegraph;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collects the garbage of a server's start once it is ready. A start leaves several
 * hundred megabytes of it (classes read, Cypher planned, the schema and the database
 * opened) for about 90 MB of live objects; G1 would hold that heap, resident, until its
 * next collection, which an idle server may not need for hours. One full collection, on a
 * thread of its own so that the first requests are not kept waiting for it, gives the
 * memory back (as far as {@code -XX:MaxHeapFreeRatio}, which {@code bin/casegraph} sets,
 * allows). Jobs that are not servers run to their end instead.
 */
@Component
class StartGarbage {

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		Thread.ofPlatform().name("casegraph-start-garbage").daemon().start(System::gc);
	}

}
