package org.casegraph;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start's clean-up waits while requests keep coming or one is being answered, and goes
 * ahead once none came or was answered for the quiet time.
 */
class QuietMomentTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	@Test
	void itWaitsWhileRequestsComeAndReturnsAQuietTimeAfterTheLast() throws InterruptedException {
		QuietMoment quiet = new QuietMoment();
		AtomicLong last = new AtomicLong(System.nanoTime());
		long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
		ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor();
		try {
			requests.scheduleAtFixedRate(() -> {
				if (System.nanoTime() < until) {
					quiet.began();
					quiet.ended();
					last.set(System.nanoTime());
				}
			}, 0, 50, TimeUnit.MILLISECONDS);

			quiet.await(QUIET);
			long returned = System.nanoTime();

			assertThat(returned).as("after the requests stopped").isGreaterThanOrEqualTo(until);
			assertThat(Duration.ofNanos(returned - last.get())).isGreaterThanOrEqualTo(QUIET);
		}
		finally {
			requests.shutdownNow();
			requests.awaitTermination(1, TimeUnit.SECONDS);
		}
	}

	@Test
	void itWaitsForARequestBeingAnsweredHoweverLongItTakes() throws InterruptedException {
		QuietMoment quiet = new QuietMoment();
		quiet.began();
		long called = System.nanoTime();
		CompletableFuture<Long> returned = CompletableFuture.supplyAsync(() -> {
			quiet.await(QUIET);
			return System.nanoTime();
		});
		Thread.sleep(QUIET.multipliedBy(3));
		assertThat(returned).as("still answering").isNotDone();
		long ended = System.nanoTime();
		quiet.ended();

		assertThat(Duration.ofNanos(returned.join() - ended)).isGreaterThanOrEqualTo(QUIET);
		assertThat(Duration.ofNanos(ended - called)).isGreaterThanOrEqualTo(QUIET.multipliedBy(3));
	}

	@Test
	void itWaitsAQuietTimeFromTheCallAtLeast() {
		QuietMoment quiet = new QuietMoment();
		long called = System.nanoTime();

		quiet.await(QUIET);

		assertThat(Duration.ofNanos(System.nanoTime() - called)).isGreaterThanOrEqualTo(QUIET);
	}

}
