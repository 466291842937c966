package org.casegraph.neo4j;

import java.util.concurrent.ThreadFactory;

/**
 * The threads that read and write on behalf of no request (term hits worked out again
 * after a write, say), so that whatever counts a request's statements can leave theirs
 * out.
 */
public final class BackgroundWork {

	private static final ThreadGroup GROUP = new ThreadGroup("casegraph-background");

	private BackgroundWork() {
	}

	/** Daemon threads of this name, in the background group. */
	public static ThreadFactory threads(String name) {
		return Thread.ofPlatform().group(GROUP).name(name).daemon().factory();
	}

	/** Whether the current thread is one of {@link #threads}. */
	public static boolean onBackgroundThread() {
		return Thread.currentThread().getThreadGroup() == GROUP;
	}

}
