package org.casegraph;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a server is answering, and when it last answered, so that work that can wait (a
 * start's clean-up) waits for a moment without requests, instead of taking a core from
 * the first answers.
 */
final class QuietMoment {

	/** How often a wait looks again while requests are being answered. */
	private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

	private final AtomicInteger answering = new AtomicInteger();

	private volatile long lastActive = System.nanoTime();

	void began() {
		answering.incrementAndGet();
		lastActive = System.nanoTime();
	}

	void ended() {
		lastActive = System.nanoTime();
		answering.decrementAndGet();
	}

	/**
	 * Returns once no request has begun or ended for {@code quiet}, counted from the call
	 * at the earliest, and none is being answered; or at once when the thread is
	 * interrupted (its interrupt kept).
	 */
	void await(Duration quiet) {
		long called = System.nanoTime();
		while (true) {
			long left = quiet.toNanos() - (System.nanoTime() - Math.max(lastActive, called));
			if (answering.get() == 0 && left <= 0) {
				return;
			}
			try {
				Thread.sleep((answering.get() > 0) ? LOOK_AGAIN : Duration.ofNanos(Math.max(left, 1)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
