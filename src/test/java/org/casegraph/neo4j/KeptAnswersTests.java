package org.casegraph.neo4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Answers kept until the next write, and a question asked while its answer is being
 * worked out: the second asker waits for the first's answer at the same version, works it
 * out itself at another or when the first fails.
 */
class KeptAnswersTests {

	private final AtomicLong closed = new AtomicLong(7);

	private final KeptAnswers<String, String> kept = new KeptAnswers<>(StoreVersion.over(closed::get), 100,
			String::length);

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private final AtomicInteger workedOut = new AtomicInteger();

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void anAnswerIsKeptUntilTheNextWrite() {
		assertThat(kept.get("unit:impact", counted("first"))).isEqualTo("first");
		assertThat(kept.get("unit:impact", counted("second"))).isEqualTo("first");
		closed.incrementAndGet();
		assertThat(kept.get("unit:impact", counted("third"))).isEqualTo("third");
		assertThat(workedOut).hasValue(2);
	}

	@Test
	void aQuestionAskedWhileItIsWorkedOutWaitsForThatAnswer() throws Exception {
		Slow first = new Slow("first");
		Future<String> firstAsker = threads.submit(() -> kept.get("unit:impact", first));
		Future<String> secondAsker = askedWhileWorkedOut(first, "second");
		first.release.countDown();
		assertThat(firstAsker.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(secondAsker.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(workedOut).as("the second asker worked nothing out").hasValue(0);
	}

	@Test
	void whenWorkingItOutFailsTheOneWaitingWorksItOutItself() throws Exception {
		Slow first = new Slow(null);
		Future<String> firstAsker = threads.submit(() -> kept.get("unit:impact", first));
		Future<String> secondAsker = askedWhileWorkedOut(first, "second");
		first.release.countDown();
		assertThatThrownBy(() -> firstAsker.get(10, TimeUnit.SECONDS))
			.hasRootCauseMessage("The transaction has timed out.");
		assertThat(secondAsker.get(10, TimeUnit.SECONDS)).isEqualTo("second");
		assertThat(kept.get("unit:impact", counted("third"))).isEqualTo("second");
	}

	@Test
	void aQuestionAskedAfterAWriteDoesNotWaitForTheAnswerFromBeforeIt() throws Exception {
		Slow first = new Slow("before the write");
		Future<String> firstAsker = threads.submit(() -> kept.get("unit:impact", first));
		first.started.await();
		closed.incrementAndGet();
		assertThat(CompletableFuture.supplyAsync(() -> kept.get("unit:impact", counted("after the write")))
			.get(10, TimeUnit.SECONDS)).isEqualTo("after the write");
		first.release.countDown();
		assertThat(firstAsker.get(10, TimeUnit.SECONDS)).isEqualTo("before the write");
		assertThat(kept.get("unit:impact", counted("again"))).isEqualTo("after the write");
	}

	@Test
	void anAnswerThatAsksItsOwnQuestionWorksItOutRatherThanWaitForItself() {
		String answer = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> kept.get("unit:impact", () -> kept.get("unit:impact", counted("inner"))));
		assertThat(answer).isEqualTo("inner");
	}

	private Supplier<String> counted(String answer) {
		return () -> {
			workedOut.incrementAndGet();
			return answer;
		};
	}

	/**
	 * The question asked again once the first asker works it out, and waiting (as the
	 * build does) or answered.
	 */
	private Future<String> askedWhileWorkedOut(Slow first, String answer) throws InterruptedException {
		first.started.await();
		AtomicReference<Thread> secondThread = new AtomicReference<>();
		Future<String> secondAsker = threads.submit(() -> {
			secondThread.set(Thread.currentThread());
			return kept.get("unit:impact", counted(answer));
		});
		awaitWaiting(secondThread, secondAsker);
		return secondAsker;
	}

	/**
	 * Waits until the thread is parked, as one waiting for another's answer is, or has
	 * its answer.
	 */
	private static void awaitWaiting(AtomicReference<Thread> thread, Future<String> answered)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!answered.isDone() && (thread.get() == null || thread.get().getState() != Thread.State.WAITING)) {
			assertThat(System.nanoTime()).as("the second asker waiting").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	/** An answer worked out once released; null fails as a timed-out read would. */
	private static final class Slow implements Supplier<String> {

		private final String answer;

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		Slow(String answer) {
			this.answer = answer;
		}

		@Override
		public String get() {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (answer == null) {
				throw new IllegalStateException("The transaction has timed out.");
			}
			return answer;
		}

	}

}
